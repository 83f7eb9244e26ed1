/** Lights: on/off, brightness 0–100, colour and colour temperature. */
import { defineDeviceType, ON_OFF, SWITCHED_ON_OFF } from '../../hub/sdk/index.js';
import { lightCommandSchemas } from '../../device-drivers/light/protocol.js';

export const light = defineDeviceType({
  summary: 'Lights: on/off, brightness, colour',
  capabilities: [
    ON_OFF,
    { kind: 'level', feature: 'brightness', property: 'brightness', label: 'Brightness', min: 1, max: 100, unit: '%', command: 'turn_on', param: 'brightness' },
    { kind: 'color', feature: 'color', property: 'color', command: 'turn_on', param: 'color' },
  ],
  commands: lightCommandSchemas,
  speech: { onOff: SWITCHED_ON_OFF },
  intentActions: {
    HassLightSet: {
      command(intent) {
        const params: Record<string, unknown> = {};
        if (intent.slots.brightness !== undefined) params.brightness = Number(intent.slots.brightness);
        if (intent.slots.color !== undefined) params.color = intent.slots.color;
        return { command: 'turn_on', params };
      },
      done: () => 'Set',
    },
  },
});
