/** Valves (water, gas): open and close; "open the covers" includes them (hub/language/targets.ts). */
import { defineDeviceType } from '../../hub/sdk/index.js';
import { genericCommands } from '../shared/generic-commands.js';
import { setPosition } from '../shared/set-position.js';

export default defineDeviceType({
  summary: 'Valves: open, close',
  capabilities: [
    {
      kind: 'actions',
      buttons: [
        { command: 'open', label: 'Open' },
        { command: 'close', label: 'Close' },
      ],
    },
  ],
  commands: genericCommands('open', 'close'),
  speech: { onOff: { on: { command: 'open' }, off: { command: 'close' }, doneOn: 'Opened', doneOff: 'Closed' } },
  // A sprinkler is turned on by what it does: "water the back lawn", "stop watering the front lawn".
  moreCues: {
    HassTurnOn: ['open', 'water', 'start watering', 'start'],
    HassTurnOff: ['close', 'shut', { words: 'stop watering', weight: 1.25 }, 'stop'],
  },
  // A valve with a position takes it (the generic native driver passes params through); one without refuses.
  intentActions: { HassSetPosition: setPosition },
  answersAs: ['cover'],
  words: {
    type: ['valve', 'valves', 'water valve', 'water supply'],
    classes: { water: ['sprinkler', 'sprinklers'] },
    alsoInTitles: true,
    namedWithoutKind: true,
  },
});
