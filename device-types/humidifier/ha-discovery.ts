/**
 * Home Assistant's MQTT `humidifier` component: power on `command_topic`, the target humidity on
 * `target_humidity_command_topic`, modes on `mode_command_topic`; their state topics, and the measured humidity.
 */
import { z } from 'zod';
import type { DiscoveryFields, HaDiscoveryMapping } from '../../hub/sdk/index.js';

const text = (config: DiscoveryFields, key: string, fallback: string) => {
  const v = config[key];
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : fallback;
};
const bound = (config: DiscoveryFields, key: string, fallback: number) =>
  typeof config[key] === 'number' ? (config[key] as number) : fallback;
const modesOf = (config: DiscoveryFields): string[] =>
  Array.isArray(config.modes) ? config.modes.filter((m): m is string => typeof m === 'string') : [];

const number = (key: string) => (t: string) => {
  const n = Number(t);
  return t !== '' && Number.isFinite(n) ? { [key]: n } : `expected a number, got "${t.slice(0, 40)}"`;
};

export const humidifierDiscovery: HaDiscoveryMapping = {
  topicKeys: ['target_humidity_command_topic', 'target_humidity_state_topic', 'current_humidity_topic', 'action_topic'],
  valueTemplateKeys: [
    'state_value_template',
    'target_humidity_state_template',
    'mode_state_template',
    'current_humidity_template',
    'action_template',
  ],
  commandTemplateKeys: ['command_template', 'target_humidity_command_template', 'mode_command_template'],
  required: (c) =>
    !c.command_topic
      ? 'a humidifier needs command_topic'
      : !c.target_humidity_command_topic
        ? 'a humidifier needs target_humidity_command_topic'
        : undefined,
  capabilities: (c) => ['on_off', 'target_humidity', ...(c.mode_command_topic && modesOf(c).length ? ['modes'] : [])],
  stateTopics: {
    state: {
      topicKey: 'state_topic',
      templateKey: 'state_value_template',
      parse(t, c) {
        const on = text(c, 'state_on', text(c, 'payload_on', 'ON'));
        const off = text(c, 'state_off', text(c, 'payload_off', 'OFF'));
        return t === on
          ? { on: true }
          : t === off
            ? { on: false }
            : `state "${t.slice(0, 40)}" is neither "${on}" nor "${off}"`;
      },
    },
    target_humidity: {
      topicKey: 'target_humidity_state_topic',
      templateKey: 'target_humidity_state_template',
      parse: number('target_humidity'),
    },
    current_humidity: {
      topicKey: 'current_humidity_topic',
      templateKey: 'current_humidity_template',
      parse: number('current_humidity'),
    },
    mode: { topicKey: 'mode_state_topic', templateKey: 'mode_state_template', parse: (t) => ({ mode: t }) },
    action: { topicKey: 'action_topic', templateKey: 'action_template', parse: (t) => ({ action: t }) },
  },
  commands(c) {
    const none = z.strictObject({});
    const humidity = z
      .number()
      .min(bound(c, 'min_humidity', 0))
      .max(bound(c, 'max_humidity', 100));
    const modes = modesOf(c);
    return {
      turn_on: none,
      turn_off: none,
      toggle: none,
      set_humidity: z.strictObject({ humidity }),
      ...(c.mode_command_topic && modes.length
        ? { set_mode: z.strictObject({ mode: z.enum(modes as [string, ...string[]]) }) }
        : {}),
    };
  },
  plan(command, params, c, state, render) {
    if (command === 'set_humidity') {
      const humidity = params.humidity as number;
      return {
        send: [['target_humidity_command_topic', render('target_humidity_command_template', humidity)]],
        expected: { target_humidity: humidity },
        confirmedBy: 'target_humidity_state_topic',
      };
    }
    if (command === 'set_mode') {
      const mode = String(params.mode);
      return {
        send: [['mode_command_topic', render('mode_command_template', mode)]],
        expected: { mode },
        confirmedBy: 'mode_state_topic',
      };
    }
    const on = command === 'turn_on' || (command === 'toggle' && state.on !== true);
    return {
      send: [
        ['command_topic', render('command_template', text(c, on ? 'payload_on' : 'payload_off', on ? 'ON' : 'OFF'))],
      ],
      expected: { on },
      confirmedBy: 'state_topic',
    };
  },
};
