/** Covers (blinds, garage doors, gates, shutters): open, close, stop, position 0–100 (100 = open). */
import { defineDeviceType } from '../../hub/sdk/index.js';
import { coverCommandSchemas, coverStateSchema } from './protocol.js';
import { setPosition } from '../shared/set-position.js';
import { coverDiscovery } from './ha-discovery.js';
import { coverSetPosition } from './intents.js';
import { coverSentences } from './sentences.js';

/**
 * Home Assistant cover device classes that let someone into the house. The others (awning, blind, curtain, damper,
 * shade, shutter, window) do not, so they open at once.
 */
const ENTRY_COVER_CLASSES: ReadonlySet<string> = new Set(['garage', 'gate', 'door']);

export default defineDeviceType({
  summary: 'Covers: open, close, stop, position',
  capabilities: [
    {
      kind: 'actions',
      buttons: [
        { command: 'open', label: 'Open' },
        { command: 'close', label: 'Close' },
      ],
    },
    { kind: 'position', feature: 'position', property: 'position', command: 'set_position', param: 'position' },
  ],
  commands: coverCommandSchemas,
  nativeDriver: true,
  state: coverStateSchema,
  speech: { onOff: { on: { command: 'open' }, off: { command: 'close' }, doneOn: 'Opened', doneOff: 'Closed' } },
  sensitive: {
    // Any case: the registry keeps the class as given, and "Gate" typed by hand opens the house just the same.
    guards: (device) => ENTRY_COVER_CLASSES.has(device.deviceClass?.toLowerCase() ?? ''),
    commands: {
      open: 'openDoorsAndGates',
      // No native cover takes it, but a skill may send it to one of another driver.
      toggle: 'openDoorsAndGates',
      set_position: (command) => (Number(command.params?.position) > 0 ? 'openDoorsAndGates' : undefined),
    },
  },
  intentActions: { HassSetPosition: setPosition },
  intents: { HassSetPosition: coverSetPosition },
  // Without an awning in the house, "open the living room awning" is not heard (it would steal "blinds").
  grammar: { values: { cover_class: (device) => device.deviceClass } },
  moreCues: {
    HassTurnOn: ['open', 'raise', 'lift', 'roll up', 'pull up', 'draw back', 'extend', { words: 'up', weight: 0.5 }],
    HassTurnOff: [
      'close',
      'shut',
      'lower',
      'roll down',
      'pull down',
      'draw',
      'retract',
      { words: 'down', weight: 0.5 },
    ],
  },
  moreSentences: coverSentences,
  haDiscovery: coverDiscovery,
  simulator: () => import('./simulator.js'),
  words: {
    type: [],
    classes: {
      blind: ['blind', 'blinds', 'roller blind', 'roller blinds'],
      shade: ['shade', 'shades'],
      curtain: ['curtain', 'curtains', 'drapes'],
      shutter: ['shutter', 'shutters'],
      awning: ['awning', 'awnings'],
      garage: ['garage door', 'garage doors', 'garage'],
      gate: ['gate', 'gates'],
      window: ['window', 'windows', 'skylight', 'skylights'],
      door: ['door', 'doors'],
    },
    alsoInTitles: true,
  },
  // Home Assistant's classes as said ("the blinds" → blind), for the sentences' {cover_class:device_class}.
  lexicon: {
    lists: {
      cover_class: [
        ['blinds', 'blind'],
        ['blind', 'blind'],
        ['shades', 'shade'],
        ['shade', 'shade'],
        ['curtains', 'curtain'],
        ['curtain', 'curtain'],
        ['drapes', 'curtain'],
        ['shutters', 'shutter'],
        ['shutter', 'shutter'],
        ['garage', 'garage'],
        ['garage door', 'garage'],
        ['awning', 'awning'],
        ['windows', 'window'],
        ['window', 'window'],
        ['gate', 'gate'],
        ['skylight', 'window'],
      ],
    },
  },
});
