/** Home Assistant's MQTT `sensor` component: a value (a number when it reads as one) on `state_topic`, with its unit. */
import type { HaDiscoveryMapping } from '../../hub/sdk/index.js';

export const sensorDiscovery: HaDiscoveryMapping = {
  topicKeys: [],
  required: (c) => (c.state_topic ? undefined : 'a sensor needs state_topic'),
  capabilities: () => ['value'],
  stateTopics: {
    state: {
      topicKey: 'state_topic',
      templateKey: 'value_template',
      parse(t, c, raw) {
        const n = Number(t);
        const value = typeof raw === 'number' || (t !== '' && Number.isFinite(n)) ? n : t;
        return typeof c.unit_of_measurement === 'string' && c.unit_of_measurement
          ? { value, unit: c.unit_of_measurement }
          : { value };
      },
    },
  },
  commands: () => ({}),
  plan: () => 'a sensor takes no commands',
};
