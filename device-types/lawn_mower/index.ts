/** Robot lawn mowers (Home Assistant's `lawn_mower` domain): start mowing, pause, dock; activity and battery. */
import { defineDeviceType } from '../../hub/sdk/index.js';
import { lawnMowerDiscovery } from './ha-discovery.js';
import { lawnMowerDock, lawnMowerStartMowing, lawnMowerWords } from './intents.js';
import { lawnMowerCommandSchemas, lawnMowerEventSchemas, lawnMowerStateSchema, MOWER_ACTIVITIES } from './protocol.js';
import { dock, lawnMowerSpeech, startMowing } from './speech.js';

export default defineDeviceType({
  summary: 'Lawn mowers: start mowing, pause, dock',
  capabilities: [
    { kind: 'status', property: 'activity', values: MOWER_ACTIVITIES },
    {
      kind: 'actions',
      buttons: [
        { command: 'start_mowing', label: 'Mow', when: { property: 'activity', notIn: ['mowing', 'error'] } },
        { command: 'pause', label: 'Pause', when: { property: 'activity', in: ['mowing', 'returning'] } },
        { command: 'dock', label: 'Dock', when: { property: 'activity', in: ['mowing', 'paused'] } },
      ],
    },
    { kind: 'reading', property: 'battery_percent', label: 'Battery', unit: '%' },
  ],
  commands: lawnMowerCommandSchemas,
  nativeDriver: true,
  state: lawnMowerStateSchema,
  events: lawnMowerEventSchemas,
  speech: lawnMowerSpeech,
  intentActions: { HassLawnMowerStartMowing: startMowing, HassLawnMowerDock: dock },
  intents: { HassLawnMowerStartMowing: lawnMowerStartMowing, HassLawnMowerDock: lawnMowerDock },
  words: lawnMowerWords,
  haDiscovery: lawnMowerDiscovery,
  simulator: () => import('./simulator.js'),
});
