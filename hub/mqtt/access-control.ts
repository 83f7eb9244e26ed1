/**
 * Who may do what on the embedded broker. Pure functions over the identity established at CONNECT,
 * so the rules are unit-tested without a socket.
 */
import { topics } from '../sdk/protocol.js';
import type { DeviceCredential } from './contracts.js';
import { filterCovers, parseSharedFilter, topicMatches } from './topic-filter.js';

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

/** Separator between the username and a free suffix in a client id; it cannot occur in a device id. */
export const CLIENT_ID_SEPARATOR = ':';

/**
 * The client id must be the username, or `<username>:<anything>` (a second connection of the same device,
 * e.g. a diagnostic tool). A plain prefix like `lamp-2` is refused because `lamp-2` is another device's id,
 * and MQTT session takeover (§3.1.4) would let `lamp` disconnect it.
 */
export function clientIdAllowed(username: string, clientId: string): boolean {
  return clientId === username || (clientId.startsWith(username + CLIENT_ID_SEPARATOR) && clientId.length > username.length + 1);
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
