/** Home Assistant's MQTT `binary_sensor` component: on/off reported on `state_topic`; it takes no commands. */
import type { HaDiscoveryMapping } from '../../hub/sdk/index.js';
import { onOffStateTopic } from '../shared/ha-discovery.js';

export const binarySensorDiscovery: HaDiscoveryMapping = {
  topicKeys: [],
  required: (c) => (c.state_topic ? undefined : 'a binary_sensor needs state_topic'),
  capabilities: () => ['on_off'],
  stateTopics: { state: onOffStateTopic('value_template') },
  commands: () => ({}),
  plan: () => 'a binary_sensor takes no commands',
};
