/** Home Assistant's MQTT `button` component: `payload_press` on `command_topic`; it has no state. */
import { z } from 'zod';
import type { HaDiscoveryMapping } from '../../hub/sdk/index.js';
import { haText } from '../shared/ha-discovery.js';

export const buttonDiscovery: HaDiscoveryMapping = {
  topicKeys: [],
  required: (c) => (c.command_topic ? undefined : 'a button needs command_topic'),
  capabilities: () => ['press'],
  // Heard only to say why its messages mean nothing.
  stateTopics: {
    state: { topicKey: 'state_topic', templateKey: 'value_template', parse: () => 'a button has no state' },
  },
  commands: () => ({ press: z.strictObject({}) }),
  // No state confirms a press: done once published, as Home Assistant treats it.
  plan: (_command, _params, config, _state, render) => ({
    send: [['command_topic', render('command_template', haText(config, 'payload_press', 'PRESS'))]],
    expected: {},
    confirmedBy: 'no state topic',
  }),
};
