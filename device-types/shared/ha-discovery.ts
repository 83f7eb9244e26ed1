/**
 * Pieces the Home Assistant discovery mappings of several types share: payloads as text with the discovery format's
 * defaults, the on/off state topic, and on/off/toggle on `command_topic`.
 */
import { z } from 'zod';
import type { DeviceState, DiscoveryFields, HaCommandPlan, HaStateTopic } from '../../hub/sdk/index.js';

/** A config value as text (payloads may be strings, numbers or booleans), or the format's default. */
export function haText(config: DiscoveryFields, key: string, fallback: string): string {
  const v = config[key];
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : fallback;
}

/** `state_topic` reporting `state_on`/`state_off` (else `payload_on`/`payload_off`, else ON/OFF) as `on`. */
export function onOffStateTopic(templateKey: string): HaStateTopic {
  return {
    topicKey: 'state_topic',
    templateKey,
    parse(t, c) {
      const on = haText(c, 'state_on', haText(c, 'payload_on', 'ON'));
      const off = haText(c, 'state_off', haText(c, 'payload_off', 'OFF'));
      return t === on
        ? { on: true }
        : t === off
          ? { on: false }
          : `state "${t.slice(0, 40)}" is neither "${on}" nor "${off}"`;
    },
  };
}

const none = z.strictObject({});
export const ON_OFF_COMMANDS = { turn_on: none, turn_off: none, toggle: none };

/** turn_on / turn_off / toggle as `payload_on` / `payload_off` on `command_topic`, confirmed by `state_topic`. */
export function onOffPlan(
  command: string,
  config: DiscoveryFields,
  state: DeviceState,
  render: (templateKey: string, value: unknown) => string,
): HaCommandPlan {
  const on = command === 'turn_on' || (command === 'toggle' && state.on !== true);
  const payload = on ? haText(config, 'payload_on', 'ON') : haText(config, 'payload_off', 'OFF');
  return {
    send: [['command_topic', render('command_template', payload)]],
    expected: { on },
    confirmedBy: 'state_topic',
  };
}
