/**
 * Home Assistant's MQTT `lawn_mower` component: one command topic per action (start mowing, pause, dock), each with
 * an optional template given the action's name, and the activity on `activity_state_topic`.
 */
import { z } from 'zod';
import type { DiscoveryFields, HaDiscoveryMapping } from '../../hub/sdk/index.js';
import { MOWER_ACTIVITIES } from './protocol.js';

const ACTIONS = { start_mowing: ['mowing'], pause: ['paused'], dock: ['returning', 'docked'] } as const;
type Action = keyof typeof ACTIONS;
const topicOf = (action: Action) => `${action}_command_topic`;
const offered = (c: DiscoveryFields) =>
  (Object.keys(ACTIONS) as Action[]).filter((a) => typeof c[topicOf(a)] === 'string');

export const lawnMowerDiscovery: HaDiscoveryMapping = {
  topicKeys: ['activity_state_topic', 'start_mowing_command_topic', 'pause_command_topic', 'dock_command_topic'],
  valueTemplateKeys: ['activity_value_template'],
  commandTemplateKeys: ['start_mowing_command_template', 'pause_command_template', 'dock_command_template'],
  required: (c) =>
    offered(c).length
      ? undefined
      : 'a lawn_mower needs start_mowing_command_topic, pause_command_topic or dock_command_topic',
  capabilities: (c) => offered(c),
  stateTopics: {
    activity: {
      topicKey: 'activity_state_topic',
      templateKey: 'activity_value_template',
      parse: (t) =>
        (MOWER_ACTIVITIES as readonly string[]).includes(t)
          ? { activity: t }
          : `activity "${t.slice(0, 40)}" is not one of ${MOWER_ACTIVITIES.join(', ')}`,
    },
  },
  commands: (c) => Object.fromEntries(offered(c).map((a) => [a, z.strictObject({})])),
  plan(command, _params, _config, _state, render) {
    const action = command as Action;
    const accepted: readonly string[] = ACTIONS[action];
    return {
      send: [[topicOf(action), render(`${action}_command_template`, action)]],
      expected: { activity: accepted[0] },
      confirmedBy: 'activity_state_topic',
      matches: (s) => typeof s.activity === 'string' && accepted.includes(s.activity),
    };
  },
};
