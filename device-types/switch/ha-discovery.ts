/** Home Assistant's MQTT `switch` component: on/off on `command_topic`, reported on `state_topic`. */
import type { HaDiscoveryMapping } from '../../hub/sdk/index.js';
import { ON_OFF_COMMANDS, onOffPlan, onOffStateTopic } from '../shared/ha-discovery.js';

export const switchDiscovery: HaDiscoveryMapping = {
  topicKeys: [],
  required: (c) => (c.command_topic ? undefined : 'a switch needs command_topic'),
  capabilities: () => ['on_off'],
  stateTopics: { state: onOffStateTopic('value_template') },
  commands: () => ON_OFF_COMMANDS,
  plan: (command, _params, config, state, render) => onOffPlan(command, config, state, render),
};
