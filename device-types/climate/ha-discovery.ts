/**
 * Home Assistant's MQTT `climate` component: HVAC modes on `mode_command_topic`, the target on
 * `temperature_command_topic`, optionally on/off on `power_command_topic`; modes, targets and the measured
 * temperature on their state topics.
 */
import { z } from 'zod';
import type { DiscoveryFields, HaDiscoveryMapping } from '../../hub/sdk/index.js';
import { haText } from '../shared/ha-discovery.js';

/** Home Assistant's default `modes`. */
const HA_MODES = ['auto', 'off', 'cool', 'heat', 'dry', 'fan_only'];
const none = z.strictObject({});
const modesOf = (c: DiscoveryFields): string[] =>
  Array.isArray(c.modes) ? c.modes.filter((m): m is string => typeof m === 'string') : HA_MODES;
const number = (key: string) => (t: string) => {
  const n = Number(t);
  return t !== '' && Number.isFinite(n) ? { [key]: n } : `expected a number, got "${t.slice(0, 40)}"`;
};
const mode = (t: string) => ({ hvac_mode: t, on: t !== 'off' });

export const climateDiscovery: HaDiscoveryMapping = {
  topicKeys: [],
  required: (c) =>
    c.mode_command_topic || c.temperature_command_topic || c.power_command_topic
      ? undefined
      : 'a climate device needs mode_command_topic, temperature_command_topic or power_command_topic',
  capabilities: (c) => [
    ...(c.temperature_command_topic ? ['temperature'] : []),
    ...(c.mode_command_topic ? ['hvac_mode'] : []),
    ...(c.power_command_topic || c.mode_command_topic ? ['on_off'] : []),
  ],
  stateTopics: {
    state: { topicKey: 'state_topic', templateKey: 'value_template', parse: mode },
    temperature: {
      topicKey: 'temperature_state_topic',
      templateKey: 'temperature_state_template',
      parse: number('target_temperature'),
    },
    current_temperature: {
      topicKey: 'current_temperature_topic',
      templateKey: 'current_temperature_template',
      parse: number('current_temperature'),
    },
    mode: { topicKey: 'mode_state_topic', templateKey: 'mode_state_template', parse: mode },
  },
  commands: (c) => {
    const modes = modesOf(c);
    return {
      ...(c.power_command_topic || c.mode_command_topic ? { turn_on: none, turn_off: none } : {}),
      ...(c.temperature_command_topic
        ? { set_temperature: z.strictObject({ temperature: z.number().min(-20).max(60) }) }
        : {}),
      ...(c.mode_command_topic
        ? {
            set_hvac_mode: z.strictObject({
              hvac_mode: z
                .string()
                .min(1)
                .max(32)
                .refine((m) => modes.includes(m), `must be one of ${modes.join(', ')}`),
            }),
          }
        : {}),
    };
  },
  plan(command, params, c, _state, render) {
    if (command === 'set_temperature') {
      const t = params.temperature as number;
      return {
        send: [['temperature_command_topic', render('temperature_command_template', t)]],
        expected: { target_temperature: t },
        confirmedBy: 'temperature_state_topic',
        matches: (s) => typeof s.target_temperature === 'number' && Math.abs(s.target_temperature - t) < 0.05,
      };
    }
    if ((command === 'turn_on' || command === 'turn_off') && c.power_command_topic) {
      const on = command === 'turn_on';
      // Home Assistant sends the power payload as it is and assumes it worked.
      return {
        send: [['power_command_topic', on ? haText(c, 'payload_on', 'ON') : haText(c, 'payload_off', 'OFF')]],
        expected: { on },
        confirmedBy: 'no state topic',
      };
    }
    const modes = modesOf(c);
    const hvac =
      command === 'set_hvac_mode'
        ? String(params.hvac_mode)
        : command === 'turn_off'
          ? 'off'
          : (['heat', 'auto', 'cool'].find((m) => modes.includes(m)) ?? 'heat');
    return {
      send: [['mode_command_topic', render('mode_command_template', hvac)]],
      expected: { hvac_mode: hvac },
      confirmedBy: 'mode_state_topic',
      optimistic: { hvac_mode: hvac, on: hvac !== 'off' },
    };
  },
};
