/** A test household: 3 floors, 12 areas, 34 named devices (plus `extra` generated ones for benchmarks). */
import { EventBus } from '../../core/event-bus.js';
import type { HubEvents } from '../../core/events.js';
import { silentLogger } from '../../core/logger.js';
import type { DeviceInput } from '../../devices/contracts.js';
import { MemoryDevices, MemoryHousehold } from '../../devices/testing/memory-services.js';

const AREAS: Array<[string, string, string, string[]]> = [
  ['kitchen', 'Kitchen', 'ground', []],
  ['living_room', 'Living Room', 'ground', ['lounge', 'front room']],
  ['dining_room', 'Dining Room', 'ground', []],
  ['hallway', 'Hallway', 'ground', ['hall']],
  ['garage', 'Garage', 'ground', []],
  ['bedroom', 'Bedroom', 'first', ['master bedroom']],
  ['kids_room', 'Kids Room', 'first', ['nursery']],
  ['bathroom', 'Bathroom', 'first', []],
  ['office', 'Office', 'first', ['study']],
  ['basement', 'Basement', 'lower', ['cellar']],
  ['laundry', 'Laundry Room', 'lower', ['utility room']],
  ['garden', 'Garden', 'ground', ['backyard', 'yard']],
];

export const HOUSEHOLD_DEVICES: DeviceInput[] = [
  { id: 'kitchen_light', name: 'Kitchen Light', aliases: ['kitchen ceiling light'], area: 'kitchen', type: 'light' },
  { id: 'kitchen_spots', name: 'Counter Spots', aliases: ['under cabinet lights'], area: 'kitchen', type: 'light' },
  { id: 'living_lamp', name: 'Floor Lamp', area: 'living_room', type: 'light' },
  { id: 'living_ceiling', name: 'Living Room Light', aliases: ['lounge light'], area: 'living_room', type: 'light' },
  { id: 'dining_chandelier', name: 'Chandelier', area: 'dining_room', type: 'light' },
  { id: 'hall_light', name: 'Hallway Light', area: 'hallway', type: 'light' },
  { id: 'bedroom_lamp', name: 'Lamp', aliases: ['reading lamp'], area: 'bedroom', type: 'light' },
  { id: 'office_lamp', name: 'Lamp', aliases: ['desk lamp'], area: 'office', type: 'light' },
  { id: 'bedroom_light', name: 'Bedroom Light', area: 'bedroom', type: 'light' },
  { id: 'kids_nightlight', name: 'Night Light', area: 'kids_room', type: 'light' },
  { id: 'bath_light', name: 'Bathroom Light', area: 'bathroom', type: 'light' },
  { id: 'garden_lights', name: 'Garden Lights', aliases: ['patio lights'], area: 'garden', type: 'light' },
  { id: 'basement_light', name: 'Basement Light', area: 'basement', type: 'light' },
  { id: 'coffee_maker', name: 'Coffee Maker', aliases: ['coffee machine'], area: 'kitchen', type: 'switch' },
  { id: 'kettle', name: 'Kettle', area: 'kitchen', type: 'switch' },
  { id: 'christmas_tree', name: 'Christmas Tree', area: 'living_room', type: 'switch' },
  { id: 'bedroom_fan', name: 'Ceiling Fan', area: 'bedroom', type: 'fan' },
  { id: 'office_fan', name: 'Desk Fan', area: 'office', type: 'fan' },
  { id: 'front_door', name: 'Front Door', area: 'hallway', type: 'lock' },
  { id: 'back_door', name: 'Back Door', area: 'kitchen', type: 'lock' },
  { id: 'garage_door', name: 'Garage Door', area: 'garage', type: 'cover', deviceClass: 'garage' },
  { id: 'living_blinds', name: 'Living Room Blinds', area: 'living_room', type: 'cover', deviceClass: 'blind' },
  { id: 'bedroom_curtains', name: 'Bedroom Curtains', area: 'bedroom', type: 'cover', deviceClass: 'curtain' },
  { id: 'office_blinds', name: 'Office Blinds', area: 'office', type: 'cover', deviceClass: 'blind' },
  { id: 'thermostat', name: 'Thermostat', aliases: ['heating'], area: 'hallway', type: 'climate' },
  { id: 'bedroom_ac', name: 'Bedroom AC', aliases: ['air conditioner'], area: 'bedroom', type: 'climate' },
  { id: 'living_tv', name: 'TV', aliases: ['television', 'telly'], area: 'living_room', type: 'media_player' },
  { id: 'kitchen_speaker', name: 'Kitchen Speaker', area: 'kitchen', type: 'media_player' },
  { id: 'office_speaker', name: 'Office Speaker', area: 'office', type: 'media_player' },
  { id: 'robot_vacuum', name: 'Robbie', aliases: ['robot vacuum'], area: 'living_room', type: 'vacuum' },
  { id: 'temp_kitchen', name: 'Kitchen Temperature', area: 'kitchen', type: 'sensor', deviceClass: 'temperature' },
  { id: 'washer', name: 'Washing Machine', aliases: ['washer'], area: 'laundry', type: 'appliance' },
  { id: 'family_car', name: 'Blue Car', aliases: ['the wagon'], area: 'garage', type: 'vehicle' },
  { id: 'chores', name: 'Chores', aliases: ['to do'], type: 'todo' },
  { id: 'water_valve', name: 'Water Valve', aliases: ['main water'], area: 'basement', type: 'valve' },
];

const WORDS = [
  'amber',
  'brass',
  'cedar',
  'delta',
  'ember',
  'fern',
  'granite',
  'harbor',
  'indigo',
  'juniper',
  'kestrel',
  'linen',
  'maple',
  'nova',
  'onyx',
  'pebble',
  'quartz',
  'raven',
  'sage',
  'tundra',
];
const KINDS: Array<[string, DeviceInput['type']]> = [
  ['lamp', 'light'],
  ['spotlight', 'light'],
  ['plug', 'switch'],
  ['heater', 'climate'],
  ['speaker', 'media_player'],
  ['fan', 'fan'],
  ['sensor', 'sensor'],
];

export function buildHousehold(extra = 0) {
  const bus = new EventBus<HubEvents>(silentLogger);
  const household = new MemoryHousehold();
  household.addFloor({ id: 'ground', name: 'Ground Floor', aliases: ['downstairs'] });
  household.addFloor({ id: 'first', name: 'First Floor', aliases: ['upstairs'] });
  household.addFloor({ id: 'lower', name: 'Lower Level', aliases: [] });
  for (const [id, name, floor, aliases] of AREAS) household.addArea({ id, name, aliases, floor });
  const devices = new MemoryDevices(household, bus, { available: true });
  for (const device of HOUSEHOLD_DEVICES) devices.add(device, 'config');
  for (let i = 0; i < extra; i++) {
    const [kind, type] = KINDS[i % KINDS.length]!;
    const word = WORDS[Math.floor(i / KINDS.length) % WORDS.length]!;
    const round = Math.floor(i / (KINDS.length * WORDS.length));
    devices.add(
      {
        id: `gen_${i}`,
        name: `${word} ${kind}${round ? ` ${round + 1}` : ''}`,
        area: AREAS[i % AREAS.length]![0],
        type,
      },
      'config',
    );
  }
  return { bus, household, devices, log: silentLogger };
}
