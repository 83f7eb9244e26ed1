/** Lights: on/off, brightness 0–100, colour and colour temperature. */
import { defineDeviceType, ON_OFF, SWITCHED_ON_OFF, type Device, type SlotValue } from '../../hub/sdk/index.js';
import { lightCommandSchemas, lightStateSchema } from './protocol.js';
import { lightDiscovery } from './ha-discovery.js';
import { lightSet } from './intents.js';
import { colourIn, LIGHT_COLOURS } from './colours.js';
import { lightSentences } from './sentences.js';

export default defineDeviceType({
  summary: 'Lights: on/off, brightness, colour',
  capabilities: [
    ON_OFF,
    {
      kind: 'level',
      feature: 'brightness',
      property: 'brightness',
      label: 'Brightness',
      min: 1,
      max: 100,
      unit: '%',
      command: 'turn_on',
      param: 'brightness',
      summary: { text: '{}%', whileOn: true },
    },
    { kind: 'color', feature: 'color', property: 'color', command: 'turn_on', param: 'color' },
  ],
  commands: lightCommandSchemas,
  nativeDriver: true,
  state: lightStateSchema,
  speech: { onOff: SWITCHED_ON_OFF },
  intentActions: {
    HassLightSet: {
      command(intent, device) {
        const params: Record<string, unknown> = {};
        if (intent.slots.brightness !== undefined) params.brightness = Number(intent.slots.brightness);
        else if (intent.slots.brightness_step !== undefined)
          params.brightness = steppedBrightness(device, intent.slots.brightness_step);
        if (intent.slots.color !== undefined) params.color = intent.slots.color;
        return { command: 'turn_on', params };
      },
      missing(intent) {
        const { brightness, color, brightness_step } = intent.slots;
        if (brightness !== undefined || color !== undefined || brightness_step !== undefined) return undefined;
        return { slot: 'color', question: 'Which colour?', choices: LIGHT_COLOURS, read: colourIn };
      },
      done(intent) {
        const step = intent.slots.brightness_step;
        if (step === undefined) return 'Set';
        return step === 'up' || Number(step) > 0 ? 'Brightened' : 'Dimmed';
      },
    },
  },
  intents: { HassLightSet: lightSet },
  moreCues: { HassTurnOn: ['light up'], HassTurnOff: ['turn out', 'put out', { words: 'out', weight: 0.5 }] },
  moreSentences: lightSentences,
  haDiscovery: lightDiscovery,
  simulator: () => import('./simulator.js'),
  words: {
    type: [
      'light',
      'lights',
      'lamp',
      'lamps',
      'lighting',
      'bulb',
      'bulbs',
      'lightbulb',
      'lightbulbs',
      'light bulb',
      'light bulbs',
    ],
    alsoInTitles: true,
  },
  lexicon: { rules: { lights: '(light|lights|lamp|lamps|lighting|bulb|bulbs)' } },
});

/** The step of "brighter"/"dimmer" when no amount is said, in percent. */
const BRIGHTNESS_STEP = 20;

/** "Brighter"/"dimmer": a step of BRIGHTNESS_STEP percent (or the percent said) from the light's brightness now. */
function steppedBrightness(device: Device, step: SlotValue): number {
  const delta = step === 'up' ? BRIGHTNESS_STEP : step === 'down' ? -BRIGHTNESS_STEP : Number(step) || 0;
  const now =
    typeof device.state.brightness === 'number' ? device.state.brightness : device.state.on === false ? 0 : 50;
  return Math.max(1, Math.min(100, Math.round(now + delta)));
}
