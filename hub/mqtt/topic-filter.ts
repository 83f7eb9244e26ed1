/**
 * MQTT topic names and topic filters (MQTT 3.1.1 §4.7), shared by the broker ACL and both transports.
 */

const SHARE_PREFIX = '$share/';

/** A topic name as published: non-empty, no wildcards, no NUL (§4.7.3, §1.5.3). */
export function isValidTopicName(topic: string): boolean {
  return topic.length > 0 && Buffer.byteLength(topic) <= 65535 && !/[+#\u0000]/.test(topic);
}

/**
 * A topic filter: `#` only as the whole last level (§4.7.1.2), `+` only as a whole level (§4.7.1.3).
 */
export function isValidTopicFilter(filter: string): boolean {
  if (filter.length === 0 || Buffer.byteLength(filter) > 65535 || filter.includes('\u0000')) return false;
  const levels = filter.split('/');
  return levels.every((level, index) => {
    if (level.includes('#')) return level === '#' && index === levels.length - 1;
    if (level.includes('+')) return level === '+';
    return true;
  });
}

/**
 * Splits a shared subscription `$share/<group>/<filter>` (MQTT 5 §4.8.2, also accepted by Mosquitto and EMQX
 * on 3.1.1) into its group and the inner filter that messages are matched against.
 */
export function parseSharedFilter(filter: string): { group?: string; filter: string } {
  if (!filter.startsWith(SHARE_PREFIX)) return { filter };
  const rest = filter.slice(SHARE_PREFIX.length);
  const slash = rest.indexOf('/');
  if (slash <= 0 || slash === rest.length - 1) return { filter };
  return { group: rest.slice(0, slash), filter: rest.slice(slash + 1) };
}

/** Does `topic` match `filter`? Wildcards at the first level never match `$` topics (§4.7.2). */
export function topicMatches(filter: string, topic: string): boolean {
  const f = filter.split('/');
  const t = topic.split('/');
  if (topic.startsWith('$') && (f[0] === '+' || f[0] === '#')) return false;
  for (let i = 0; i < f.length; i++) {
    const level = f[i];
    // `sport/#` also matches `sport` (§4.7.1.2).
    if (level === '#') return true;
    if (i >= t.length) return false;
    if (level !== '+' && level !== t[i]) return false;
  }
  return f.length === t.length;
}

/**
 * Is every topic that `requested` can match also matched by `allowed`? Used to grant a SUBSCRIBE:
 * a device asking for `hearth/lamp/+` is inside `hearth/lamp/#`, one asking for `hearth/#` is not.
 */
export function filterCovers(allowed: string, requested: string): boolean {
  const a = allowed.split('/');
  const r = requested.split('/');
  if (requested.startsWith('$') && (a[0] === '+' || a[0] === '#')) return false;
  for (let i = 0; i < a.length; i++) {
    const level = a[i];
    if (level === '#') return true;
    if (i >= r.length) return false;
    const want = r[i];
    if (want === '#') return false;
    if (level === '+') continue;
    if (want === '+' || want !== level) return false;
  }
  return a.length === r.length;
}
