/**
 * Who may do what on the embedded broker. Pure functions over the identity established at CONNECT,
 * so the rules are unit-tested without a socket.
 */
import { TOPIC_ROOT, topics } from '../sdk/protocol.js';
import type { DeviceCredential } from './contracts.js';
import { filterCovers, isValidTopicFilter, isValidTopicName, parseSharedFilter, topicMatches } from './topic-filter.js';

/** Home Assistant's discovery prefix, the one the hub ingests (device-drivers/ha-discovery/protocol.ts). */
export const DISCOVERY_ROOT = 'homeassistant';

export type ClientIdentity =
  | { kind: 'device'; deviceId: string; allowedFilters: readonly string[] }
  | { kind: 'anonymous' };

/** `hearth/<deviceId>/#` plus the credential's extra topics (e.g. its Home Assistant discovery topics). */
export function deviceIdentity(credential: DeviceCredential): ClientIdentity {
  return {
    kind: 'device',
    deviceId: credential.deviceId,
    allowedFilters: [topics.deviceSubtree(credential.deviceId), ...credential.extraTopics],
  };
}

/**
 * Why `filter` may not be granted to device `deviceId` as an extra topic (undefined: it may). A grant stays inside
 * what is the device's own, so no two devices' grants overlap:
 * - `hearth/<id>/…` (its native tree, granted anyway),
 * - `<root>/<id>/…` with a literal root, e.g. `plugs/<id>/#` for a Tasmota-style device,
 * - `homeassistant/<component or +>/<id>/…`, the discovery topics of its own id.
 * So one device can never announce, change or delete the discovered devices of another (`homeassistant/#`).
 */
export function extraTopicProblem(deviceId: string, filter: string): string | undefined {
  if (!isValidTopicFilter(filter)) return 'is not a valid MQTT topic filter ("#" only last, "+" only as a whole level)';
  if (filter.startsWith('$')) return 'may not start with "$" (reserved for the broker)';
  const [root, second, third] = filter.split('/');
  if (root === '+' || root === '#') return 'must start with a literal level, not a wildcard';
  if (root === DISCOVERY_ROOT) {
    return second !== undefined && second !== '#' && third === deviceId
      ? undefined
      : `below "${DISCOVERY_ROOT}/" only the discovery topics of its own id: ${DISCOVERY_ROOT}/<component>/${deviceId}/…`;
  }
  if (second === deviceId) return undefined;
  return root === TOPIC_ROOT
    ? `may only use ${TOPIC_ROOT}/<its own device id>/… below "${TOPIC_ROOT}/"`
    : `must lie in the device's own tree: <root>/${deviceId}/… (e.g. plugs/${deviceId}/#) or ${DISCOVERY_ROOT}/<component>/${deviceId}/…`;
}

/** The device a client id belongs to: the part before the first `:` (`lamp` for `lamp` and `lamp:diag`). */
export function usernameOfClientId(clientId: string): string {
  const separator = clientId.indexOf(CLIENT_ID_SEPARATOR);
  return separator < 0 ? clientId : clientId.slice(0, separator);
}

/**
 * Why a last will may not be stored, or undefined. A will is a publish the broker makes later on the client's
 * behalf, so it gets the same ACL as the client's own publishes, checked at CONNECT (MQTT-3.1.2-9: the will
 * topic is a topic name, so no wildcards either).
 */
export function willProblem(
  identity: ClientIdentity,
  will: { topic: string; payload?: Buffer | string },
  maxPayloadBytes: number,
): string | undefined {
  if (!isValidTopicName(will.topic))
    return `last will topic "${will.topic.slice(0, 200)}" is not a valid topic name (no "+" or "#")`;
  if (!mayPublish(identity, will.topic))
    return `last will on "${will.topic.slice(0, 200)}" is outside the client's topics`;
  const size = will.payload?.length ?? 0;
  if (size > maxPayloadBytes)
    return `last will payload of ${size} bytes exceeds mqtt.maxPayloadBytes (${maxPayloadBytes})`;
  return undefined;
}

/** Separator between the username and a free suffix in a client id; it cannot occur in a device id. */
export const CLIENT_ID_SEPARATOR = ':';

/**
 * The client id must be the username, or `<username>:<anything>` (a second connection of the same device,
 * e.g. a diagnostic tool). A plain prefix like `lamp-2` is refused because `lamp-2` is another device's id,
 * and MQTT session takeover (§3.1.4) would let `lamp` disconnect it.
 */
export function clientIdAllowed(username: string, clientId: string): boolean {
  return (
    clientId === username ||
    (clientId.startsWith(username + CLIENT_ID_SEPARATOR) && clientId.length > username.length + 1)
  );
}

/** Publishing to `$` topics is reserved to the broker for everyone (MQTT §4.7.2). */
export function mayPublish(identity: ClientIdentity, topic: string): boolean {
  if (topic.startsWith('$')) return false;
  if (identity.kind === 'anonymous') return true;
  // Asked for every publish: a plain loop, no callback made per call.
  for (const filter of identity.allowedFilters) if (topicMatches(filter, topic)) return true;
  return false;
}

/** A subscription is granted only if everything it can match lies inside the identity's topics. */
export function maySubscribe(identity: ClientIdentity, requested: string): boolean {
  const { filter } = parseSharedFilter(requested);
  if (identity.kind === 'anonymous') return true;
  return identity.allowedFilters.some((allowed) => filterCovers(allowed, filter));
}
