/**
 * The 18-device home the language, voice, Wyoming, dashboard and confirmation tests (and the voice and Wyoming benchmarks) were written and tuned
 * on: hearth-sim's home until the simulator took over the furnished example (config/example-household.yaml).
 * Kept as it was so their numbers stay comparable; new end-to-end tests use the furnished home.
 */
import type { HouseholdDefinition } from '../../firmware-sim/household.js';

export const tunedHousehold: HouseholdDefinition = {
  floors: [
    { id: 'ground', name: 'ground floor', aliases: ['downstairs'] },
    { id: 'upstairs', name: 'upstairs', aliases: ['first floor'] },
  ],
  areas: [
    { id: 'kitchen', name: 'kitchen', aliases: [], floor: 'ground' },
    { id: 'living-room', name: 'living room', aliases: ['lounge'], floor: 'ground' },
    { id: 'hallway', name: 'hallway', aliases: ['hall', 'entrance'], floor: 'ground' },
    { id: 'garage', name: 'garage', aliases: ['utility room'], floor: 'ground' },
    { id: 'bedroom', name: 'bedroom', aliases: ['main bedroom'], floor: 'upstairs' },
    { id: 'garden', name: 'garden', aliases: ['backyard'], floor: 'ground' },
  ],
  devices: [
    { id: 'kitchen-light', name: 'kitchen light', aliases: ['kitchen lights'], area: 'kitchen', kind: 'light' },
    { id: 'kettle', name: 'kettle', aliases: ['kettle plug'], area: 'kitchen', kind: 'kettle_plug' },
    {
      id: 'coffee-machine',
      name: 'coffee machine',
      aliases: ['coffee maker'],
      area: 'kitchen',
      kind: 'coffee_machine',
    },
    { id: 'dishwasher', name: 'dishwasher', aliases: [], area: 'kitchen', kind: 'dishwasher' },
    { id: 'coffee-button', name: 'coffee button', aliases: ['pod button'], area: 'kitchen', kind: 'dash_button' },
    {
      id: 'living-room-lamp',
      name: 'living room lamp',
      aliases: ['floor lamp', 'reading lamp'],
      area: 'living-room',
      kind: 'light',
    },
    {
      id: 'living-room-speaker',
      name: 'living room speaker',
      aliases: ['speaker'],
      area: 'living-room',
      kind: 'media_player',
    },
    { id: 'living-room-blinds', name: 'living room blinds', aliases: ['blinds'], area: 'living-room', kind: 'cover' },
    { id: 'robot-vacuum', name: 'robot vacuum', aliases: ['hoover', 'vacuum'], area: 'living-room', kind: 'vacuum' },
    { id: 'front-door', name: 'front door', aliases: ['front door lock'], area: 'hallway', kind: 'lock' },
    { id: 'hallway-light', name: 'hallway light', aliases: ['hall light'], area: 'hallway', kind: 'light' },
    { id: 'garage-door', name: 'garage door', aliases: [], area: 'garage', kind: 'garage_door' },
    { id: 'car', name: 'car', aliases: ['the car', 'my car'], area: 'garage', kind: 'vehicle' },
    { id: 'washer', name: 'washing machine', aliases: ['washer'], area: 'garage', kind: 'washer' },
    {
      id: 'bedroom-thermostat',
      name: 'bedroom thermostat',
      aliases: ['thermostat', 'heating'],
      area: 'bedroom',
      kind: 'climate',
    },
    { id: 'bedroom-light', name: 'bedroom light', aliases: ['bedside lamp'], area: 'bedroom', kind: 'light' },
    { id: 'dehumidifier', name: 'dehumidifier', aliases: [], area: 'bedroom', kind: 'tasmota_plug' },
    { id: 'driveway-gate', name: 'driveway gate', aliases: [], area: 'garden', kind: 'gate' },
  ],
};
