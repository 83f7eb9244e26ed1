/** Appliances (washer, dryer, dishwasher, coffee maker, oven): on/off, a program with states, consumables. */
import { defineDeviceType, ON_OFF } from '../../hub/sdk/index.js';
import { applianceCommandSchemas, applianceEventSchemas, applianceStateSchema, PROGRAM_STATES } from './protocol.js';
import { appliancePause, applianceResume } from './intents.js';
import { applianceSentences } from './sentences.js';

export default defineDeviceType({
  summary: 'Appliances: on/off, programs, consumables',
  capabilities: [
    ON_OFF,
    {
      kind: 'program',
      property: 'program_state',
      states: PROGRAM_STATES,
      buttons: [
        { command: 'pause_program', label: 'Pause', when: { property: 'program_state', in: ['running'] } },
        { command: 'resume_program', label: 'Resume', when: { property: 'program_state', in: ['paused'] } },
        { command: 'stop_program', label: 'Stop', when: { property: 'program_state', in: ['running', 'paused'] } },
        { command: 'start_program', label: 'Start', when: { property: 'program_state', notIn: ['running', 'paused'] } },
      ],
    },
    { kind: 'consumables', feature: 'consumables', property: 'consumables' },
  ],
  commands: applianceCommandSchemas,
  nativeDriver: true,
  state: applianceStateSchema,
  events: applianceEventSchemas,
  speech: {
    // "Start the washer" runs a programme (the one said, else the appliance's own default); "off" ends it.
    onOff: {
      on: (intent) => ({
        command: 'start_program',
        params: typeof intent.slots.program === 'string' ? { program: intent.slots.program } : {},
      }),
      off: { command: 'turn_off' },
      doneOn: 'Started',
      doneOff: 'Turned off',
    },
  },
  intentActions: {
    HearthAppliancePause: { command: () => ({ command: 'pause_program' }), done: () => 'Paused' },
    HearthApplianceResume: { command: () => ({ command: 'resume_program' }), done: () => 'Resumed' },
  },
  intents: { HearthAppliancePause: appliancePause, HearthApplianceResume: applianceResume },
  moreCues: { HassTurnOn: ['start', 'run'], HassTurnOff: ['stop'] },
  moreSentences: applianceSentences,
  simulator: () => import('./simulator.js'),
  // Programmes as said ("on eco", "a cappuccino"); the appliance decides whether it has one.
  lexicon: {
    lists: {
      program: [
        'eco',
        'quick',
        'express',
        'normal',
        'intensive',
        'heavy',
        'delicate',
        'delicates',
        'cotton',
        'cottons',
        'wool',
        'synthetics',
        'mixed',
        'rinse',
        'spin',
        'eco 40',
        'espresso',
        'double espresso',
        'cappuccino',
        'latte',
        'americano',
        'flat white',
        'lungo',
      ].map((p) => [p, p.replace(/ /g, '_')] as const),
    },
  },
});
