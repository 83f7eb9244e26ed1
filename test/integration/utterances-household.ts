/**
 * The household for the utterance tests: the tuned home (test/harness/tuned-household.ts) plus an office and a
 * bathroom, 33 devices in all, with two lamps so "the lamp" is ambiguous.
 */
import type { HouseholdDefinition } from '../../firmware-sim/household.js';
import { tunedHousehold as household } from '../harness/tuned-household.js';

export const bigHousehold: HouseholdDefinition = {
  floors: household.floors,
  areas: [
    ...household.areas,
    { id: 'office', name: 'office', aliases: ['study'], floor: 'upstairs' },
    { id: 'bathroom', name: 'bathroom', aliases: [], floor: 'upstairs' },
  ],
  devices: [
    ...household.devices.map((d) => (d.id === 'living-room-lamp' ? { ...d, aliases: [...d.aliases, 'lamp'] } : d)),
    { id: 'bedroom-lamp', name: 'bedroom lamp', aliases: ['lamp'], area: 'bedroom', kind: 'light' },
    { id: 'office-light', name: 'office light', aliases: ['desk light'], area: 'office', kind: 'light' },
    { id: 'office-fan', name: 'desk fan', aliases: ['office fan'], area: 'office', kind: 'plug' },
    { id: 'office-blinds', name: 'office blinds', aliases: ['study blinds'], area: 'office', kind: 'cover' },
    { id: 'office-speaker', name: 'office speaker', aliases: [], area: 'office', kind: 'media_player' },
    { id: 'bathroom-light', name: 'bathroom light', aliases: ['mirror light'], area: 'bathroom', kind: 'light' },
    { id: 'bathroom-radiator', name: 'bathroom radiator', aliases: ['towel rail'], area: 'bathroom', kind: 'climate' },
    {
      id: 'kitchen-thermostat',
      name: 'kitchen thermostat',
      aliases: ['kitchen heating'],
      area: 'kitchen',
      kind: 'climate',
    },
    { id: 'back-door', name: 'back door', aliases: ['back door lock'], area: 'kitchen', kind: 'lock' },
    { id: 'garden-lights', name: 'garden lights', aliases: ['fairy lights'], area: 'garden', kind: 'light' },
    { id: 'patio-heater', name: 'patio heater', aliases: [], area: 'garden', kind: 'plug' },
    { id: 'porch-light', name: 'porch light', aliases: ['outside light'], area: 'hallway', kind: 'light' },
    { id: 'tv-plug', name: 'television', aliases: ['tv'], area: 'living-room', kind: 'plug' },
    { id: 'bedroom-blinds', name: 'bedroom curtains', aliases: ['curtains'], area: 'bedroom', kind: 'cover' },
    { id: 'christmas-tree', name: 'christmas tree', aliases: ['tree lights'], area: 'living-room', kind: 'plug' },
  ],
};
