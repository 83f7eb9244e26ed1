/**
 * MQTT topic names and topic filters (MQTT 3.1.1 §4.7), shared by the broker ACL and both transports.
 */

const SHARE_PREFIX = '$share/';

/** A topic name as published: non-empty, no wildcards, no NUL (§4.7.3, §1.5.3). */
export function isValidTopicName(topic: string): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the spec forbids NUL in topic names
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

/**
 * Does `topic` match `filter`? Wildcards at the first level never match `$` topics (§4.7.2).
 * Walks both strings level by level without splitting them: the broker's ACL asks this for every publish.
 */
export function topicMatches(filter: string, topic: string): boolean {
  if (topic.charCodeAt(0) === DOLLAR && isWildcardLevel(filter, 0, levelEnd(filter, 0))) return false;
  let f = 0;
  let t = 0;
  for (;;) {
    const fEnd = levelEnd(filter, f);
    // `sport/#` also matches `sport` (§4.7.1.2).
    if (fEnd - f === 1 && filter.charCodeAt(f) === HASH) return true;
    if (t > topic.length) return false;
    const tEnd = levelEnd(topic, t);
    if (!(fEnd - f === 1 && filter.charCodeAt(f) === PLUS) && !sameLevel(filter, f, fEnd, topic, t, tEnd)) return false;
    if (fEnd === filter.length) return tEnd === topic.length;
    f = fEnd + 1;
    // Past the topic's last level: only a following `#` can still match.
    t = tEnd === topic.length ? topic.length + 1 : tEnd + 1;
  }
}

const PLUS = 43;
const HASH = 35;
const DOLLAR = 36;

function levelEnd(text: string, from: number): number {
  const slash = text.indexOf('/', from);
  return slash < 0 ? text.length : slash;
}

function isWildcardLevel(filter: string, from: number, end: number): boolean {
  const c = filter.charCodeAt(from);
  return end - from === 1 && (c === PLUS || c === HASH);
}

function sameLevel(a: string, aFrom: number, aEnd: number, b: string, bFrom: number, bEnd: number): boolean {
  if (aEnd - aFrom !== bEnd - bFrom) return false;
  for (let i = 0; i < aEnd - aFrom; i++) if (a.charCodeAt(aFrom + i) !== b.charCodeAt(bFrom + i)) return false;
  return true;
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
