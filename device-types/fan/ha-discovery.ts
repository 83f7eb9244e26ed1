/**
 * Home Assistant's MQTT `fan` component: on/off on `command_topic`, a speed on `percentage_command_topic` scaled to
 * the fan's `speed_range_min`..`speed_range_max` (1..100 by default; 0 is off).
 */
import { z } from 'zod';
import type { DiscoveryFields, HaDiscoveryMapping } from '../../hub/sdk/index.js';
import { haText, onOffPlan, onOffStateTopic } from '../shared/ha-discovery.js';

const percent = z.number().min(0).max(100);
const none = z.strictObject({});
const range = (c: DiscoveryFields) => ({
  min: typeof c.speed_range_min === 'number' ? c.speed_range_min : 1,
  max: typeof c.speed_range_max === 'number' ? c.speed_range_max : 100,
});

export const fanDiscovery: HaDiscoveryMapping = {
  topicKeys: [],
  required: (c) => (c.command_topic ? undefined : 'a fan needs command_topic'),
  capabilities: (c) => ['on_off', ...(c.percentage_command_topic ? ['percentage'] : [])],
  stateTopics: {
    state: onOffStateTopic('value_template'),
    percentage: {
      topicKey: 'percentage_state_topic',
      templateKey: 'percentage_value_template',
      parse(t, c) {
        const n = Number(t);
        if (t === '' || !Number.isFinite(n)) return `expected a number, got "${t.slice(0, 40)}"`;
        const { min, max } = range(c);
        return { percentage: n <= 0 ? 0 : Math.round(((n - min + 1) / (max - min + 1)) * 100) };
      },
    },
  },
  commands: (c) => ({
    turn_on: z.strictObject({ percentage: percent.optional() }),
    turn_off: none,
    toggle: none,
    ...(c.percentage_command_topic ? { set_percentage: z.strictObject({ percentage: percent }) } : {}),
  }),
  plan(command, params, c, state, render) {
    if (command !== 'set_percentage' && !(command === 'turn_on' && typeof params.percentage === 'number'))
      return onOffPlan(command, c, state, render);
    const pct = params.percentage as number;
    const { min, max } = range(c);
    const raw = pct === 0 ? 0 : Math.round(min - 1 + (pct / 100) * (max - min + 1));
    const byPercentage = typeof c.percentage_state_topic === 'string';
    return {
      send: [
        ...(command === 'turn_on'
          ? ([['command_topic', render('command_template', haText(c, 'payload_on', 'ON'))]] as const)
          : []),
        ['percentage_command_topic', render('percentage_command_template', raw)],
      ],
      expected: byPercentage ? { percentage: pct } : { on: pct > 0 },
      confirmedBy: byPercentage ? 'percentage_state_topic' : 'state_topic',
      optimistic: { on: pct > 0, percentage: pct },
    };
  },
};
