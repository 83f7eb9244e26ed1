/**
 * Several hubs on one broker share the device traffic through shared subscriptions (MQTT 5 §4.8.2;
 * Mosquitto, EMQX, HiveMQ and VerneMQ also accept `$share/<group>/<filter>` from 3.1.1 clients): the broker
 * hands each message on a shared filter to ONE subscriber of the group, so it is handled once in the fleet.
 *
 * Shared: native `state` and `event` topics, the high-volume work (validation, registry update, events that
 * trigger automations and orders). Not shared, every hub receives them:
 * - `ack`: an acknowledgement must reach the hub that sent the command; hubs match acks by the correlation
 *   id they generated and ignore the others' (docs/scaling.md);
 * - `availability`: low volume, and every hub must know a device is offline to fail its commands fast;
 * - Home Assistant discovery configs and everything else: every hub keeps the full device registry.
 * Brokers do not send retained messages to shared subscriptions (§4.8.2), so a hub starting in a fleet
 * takes last state from its database until the device next reports.
 */
import { HubError } from '../sdk/errors.js';
import { TOPIC_ROOT } from '../sdk/protocol.js';
import { parseSharedFilter } from './topic-filter.js';
import type { MqttTransport } from './transport.js';

export const SHARE_GROUP_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

const SHARED_KINDS = new Set(['state', 'event']);

/** Is this a native device work topic (`hearth/<id or +>/state|event`) that the fleet should handle once? */
export function isSharedDeviceFilter(filter: string): boolean {
  const parts = filter.split('/');
  return parts.length === 3 && parts[0] === TOPIC_ROOT && parts[1] !== '#' && SHARED_KINDS.has(parts[2]!);
}

/** Wraps a transport (the external one) so device work topics are subscribed as `$share/<group>/<filter>`. */
export function shareDeviceTraffic(inner: MqttTransport, group: string): MqttTransport {
  if (!SHARE_GROUP_PATTERN.test(group)) {
    throw new HubError(
      'CONFIG_INVALID',
      `mqtt.shareGroup "${group}" is not a valid share name: use 1-64 letters, digits, "-" or "_".`,
    );
  }
  return {
    start: () => inner.start(),
    stop: () => inner.stop(),
    publish: (topic, payload, options) => inner.publish(topic, payload, options),
    subscribe: (filter, handler) => {
      const plain = parseSharedFilter(filter).group === undefined;
      return inner.subscribe(plain && isSharedDeviceFilter(filter) ? `$share/${group}/${filter}` : filter, handler);
    },
  };
}
