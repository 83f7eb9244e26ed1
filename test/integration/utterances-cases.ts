/**
 * Device phrasings for utterances-devices.test.ts, against the household of utterances-household.ts.
 * Each case first puts its devices in the other state through the device API (`prepare`), so the
 * state the utterance must reach (`expect`) is a real change.
 */
type Command = [deviceId: string, command: string, params?: Record<string, unknown>];

export interface DeviceCase {
  text: string;
  /** The area of the device that heard it. */
  area?: string;
  intent: string;
  /** Exactly the slots expected, with canonical names. */
  slots: Record<string, string | number>;
  /** Device id → the state it must reach. */
  expect: Record<string, Record<string, unknown>>;
  prepare: Command[];
  /** Opens the house (unlock, open the garage): the hub asks first, and the test answers "yes". */
  confirm?: true;
}

const on = { on: true };
const off = { on: false };
const c = (
  text: string,
  intent: string,
  slots: DeviceCase['slots'],
  expect: DeviceCase['expect'],
  prepare: Command[],
  area?: string,
): DeviceCase => (area ? { text, intent, slots, expect, prepare, area } : { text, intent, slots, expect, prepare });
const asks = (testCase: DeviceCase): DeviceCase => ({ ...testCase, confirm: true });

export const deviceCases: DeviceCase[] = [
  // lights
  c(
    'lights on in here',
    'HassTurnOn',
    { domain: 'light' },
    { 'kitchen-light': on },
    [['kitchen-light', 'turn_off']],
    'kitchen',
  ),
  c(
    'kill the lights',
    'HassTurnOff',
    { domain: 'light' },
    { 'bedroom-light': off, 'bedroom-lamp': off },
    [
      ['bedroom-light', 'turn_on'],
      ['bedroom-lamp', 'turn_on'],
    ],
    'bedroom',
  ),
  // the satellite's room is not a slot (Home Assistant's frame); a room said is reported by its canonical name
  c(
    'lights on in here',
    'HassTurnOn',
    { domain: 'light' },
    { 'living-room-lamp': on },
    [['living-room-lamp', 'turn_off']],
    'living-room',
  ),
  c(
    'turn off the lights in the lounge',
    'HassTurnOff',
    { domain: 'light', area: 'living room' },
    { 'living-room-lamp': off },
    [['living-room-lamp', 'turn_on']],
  ),
  c('turn on the kitchen light', 'HassTurnOn', { name: 'kitchen light' }, { 'kitchen-light': on }, [
    ['kitchen-light', 'turn_off'],
  ]),
  c('switch off the kitchen light', 'HassTurnOff', { name: 'kitchen light' }, { 'kitchen-light': off }, [
    ['kitchen-light', 'turn_on'],
  ]),
  c('hall light on', 'HassTurnOn', { name: 'hallway light' }, { 'hallway-light': on }, [['hallway-light', 'turn_off']]),
  c('switch the hallway light off', 'HassTurnOff', { name: 'hallway light' }, { 'hallway-light': off }, [
    ['hallway-light', 'turn_on'],
  ]),
  c('turn the porch light on', 'HassTurnOn', { name: 'porch light' }, { 'porch-light': on }, [
    ['porch-light', 'turn_off'],
  ]),
  c('switch on the outside light', 'HassTurnOn', { name: 'porch light' }, { 'porch-light': on }, [
    ['porch-light', 'turn_off'],
  ]),
  c(
    'set the bedroom lamp to 50%',
    'HassLightSet',
    { name: 'bedroom lamp', brightness: 50 },
    { 'bedroom-lamp': { on: true, brightness: 50 } },
    [['bedroom-lamp', 'turn_on', { brightness: 100 }]],
  ),
  c(
    'dim the office light to 30 percent',
    'HassLightSet',
    { name: 'office light', brightness: 30 },
    { 'office-light': { brightness: 30 } },
    [['office-light', 'turn_on', { brightness: 90 }]],
  ),
  c(
    'brighten the kitchen light to 80 percent',
    'HassLightSet',
    { name: 'kitchen light', brightness: 80 },
    { 'kitchen-light': { on: true, brightness: 80 } },
    [['kitchen-light', 'turn_on', { brightness: 20 }]],
  ),
  c('turn off the garden lights', 'HassTurnOff', { name: 'garden lights' }, { 'garden-lights': off }, [
    ['garden-lights', 'turn_on'],
  ]),
  c('turn on the fairy lights', 'HassTurnOn', { name: 'garden lights' }, { 'garden-lights': on }, [
    ['garden-lights', 'turn_off'],
  ]),
  c('turn the bathroom light off', 'HassTurnOff', { name: 'bathroom light' }, { 'bathroom-light': off }, [
    ['bathroom-light', 'turn_on'],
  ]),
  c('mirror light on', 'HassTurnOn', { name: 'bathroom light' }, { 'bathroom-light': on }, [
    ['bathroom-light', 'turn_off'],
  ]),
  c('turn on the bedside lamp', 'HassTurnOn', { name: 'bedroom light' }, { 'bedroom-light': on }, [
    ['bedroom-light', 'turn_off'],
  ]),
  c('turn on the reading lamp', 'HassTurnOn', { name: 'living room lamp' }, { 'living-room-lamp': on }, [
    ['living-room-lamp', 'turn_off'],
  ]),
  c(
    'turn off all the lights in the office',
    'HassTurnOff',
    { domain: 'light', area: 'office' },
    { 'office-light': off },
    [['office-light', 'turn_on']],
  ),
  // plugs and appliances
  c('turn on the kettle', 'HassTurnOn', { name: 'kettle' }, { kettle: on }, [['kettle', 'turn_off']]),
  c('switch off the kettle', 'HassTurnOff', { name: 'kettle' }, { kettle: off }, [['kettle', 'turn_on']]),
  c('turn on the tv', 'HassTurnOn', { name: 'television' }, { 'tv-plug': on }, [['tv-plug', 'turn_off']]),
  c('turn off the television', 'HassTurnOff', { name: 'television' }, { 'tv-plug': off }, [['tv-plug', 'turn_on']]),
  c('switch on the christmas tree', 'HassTurnOn', { name: 'christmas tree' }, { 'christmas-tree': on }, [
    ['christmas-tree', 'turn_off'],
  ]),
  c('turn on the tree lights', 'HassTurnOn', { name: 'christmas tree' }, { 'christmas-tree': on }, [
    ['christmas-tree', 'turn_off'],
  ]),
  c('turn on the desk fan', 'HassTurnOn', { name: 'desk fan' }, { 'office-fan': on }, [['office-fan', 'turn_off']]),
  c('turn the patio heater on', 'HassTurnOn', { name: 'patio heater' }, { 'patio-heater': on }, [
    ['patio-heater', 'turn_off'],
  ]),
  c('turn the coffee machine on', 'HassTurnOn', { name: 'coffee machine' }, { 'coffee-machine': on }, [
    ['coffee-machine', 'turn_off'],
  ]),
  c('turn on the washer', 'HassTurnOn', { name: 'washing machine' }, { washer: on }, [['washer', 'turn_off']]),
  c('turn on the dehumidifier', 'HassTurnOn', { name: 'dehumidifier' }, { dehumidifier: on }, [
    ['dehumidifier', 'turn_off'],
  ]),
  // locks
  c('lock the front door', 'HassTurnOn', { name: 'front door' }, { 'front-door': { locked: true } }, [
    ['front-door', 'unlock'],
  ]),
  asks(
    c('unlock the front door', 'HassTurnOff', { name: 'front door' }, { 'front-door': { locked: false } }, [
      ['front-door', 'lock'],
    ]),
  ),
  c('secure the front door', 'HassTurnOn', { name: 'front door' }, { 'front-door': { locked: true } }, [
    ['front-door', 'unlock'],
  ]),
  c('lock the back door', 'HassTurnOn', { name: 'back door' }, { 'back-door': { locked: true } }, [
    ['back-door', 'unlock'],
  ]),
  asks(
    c('unlock the back door', 'HassTurnOff', { name: 'back door' }, { 'back-door': { locked: false } }, [
      ['back-door', 'lock'],
    ]),
  ),
  // covers (they travel for seconds: the target position is what the command changes at once)
  asks(
    c('open the garage door', 'HassTurnOn', { name: 'garage door' }, { 'garage-door': { target_position: 100 } }, [
      ['garage-door', 'close'],
    ]),
  ),
  c('close the garage door', 'HassTurnOff', { name: 'garage door' }, { 'garage-door': { target_position: 0 } }, [
    ['garage-door', 'open'],
  ]),
  c(
    'open the living room blinds',
    'HassTurnOn',
    { name: 'living room blinds' },
    { 'living-room-blinds': { target_position: 100 } },
    [['living-room-blinds', 'close']],
  ),
  c(
    'close the blinds',
    'HassTurnOff',
    { name: 'living room blinds' },
    { 'living-room-blinds': { target_position: 0 } },
    [['living-room-blinds', 'open']],
  ),
  c(
    'set the living room blinds to 70%',
    'HassSetPosition',
    { name: 'living room blinds', position: 70 },
    { 'living-room-blinds': { target_position: 70 } },
    [['living-room-blinds', 'close']],
  ),
  c(
    'set the office blinds to 40 percent',
    'HassSetPosition',
    { name: 'office blinds', position: 40 },
    { 'office-blinds': { target_position: 40 } },
    [['office-blinds', 'open']],
  ),
  c('raise the office blinds', 'HassTurnOn', { name: 'office blinds' }, { 'office-blinds': { target_position: 100 } }, [
    ['office-blinds', 'close'],
  ]),
  c(
    'lower the bedroom curtains',
    'HassTurnOff',
    { name: 'bedroom curtains' },
    { 'bedroom-blinds': { target_position: 0 } },
    [['bedroom-blinds', 'open']],
  ),
  // climate
  c(
    'set the bedroom to 20 degrees',
    'HassClimateSetTemperature',
    { area: 'bedroom', temperature: 20 },
    { 'bedroom-thermostat': { target_temperature: 20 } },
    [['bedroom-thermostat', 'set_temperature', { temperature: 23 }]],
  ),
  c(
    'make it warmer in the bedroom',
    'HassClimateSetTemperature',
    { area: 'bedroom', temperature_delta: 1 },
    { 'bedroom-thermostat': { target_temperature: 21 } },
    [['bedroom-thermostat', 'set_temperature', { temperature: 20 }]],
  ),
  c(
    'make it cooler in the bathroom',
    'HassClimateSetTemperature',
    { area: 'bathroom', temperature_delta: -1 },
    { 'bathroom-radiator': { target_temperature: 23 } },
    [['bathroom-radiator', 'set_temperature', { temperature: 24 }]],
  ),
  c(
    'set the kitchen thermostat to 22 degrees',
    'HassClimateSetTemperature',
    { name: 'kitchen thermostat', temperature: 22 },
    { 'kitchen-thermostat': { target_temperature: 22 } },
    [['kitchen-thermostat', 'set_temperature', { temperature: 18 }]],
  ),
  c(
    'set the towel rail to 24 degrees',
    'HassClimateSetTemperature',
    { name: 'bathroom radiator', temperature: 24 },
    { 'bathroom-radiator': { target_temperature: 24 } },
    [['bathroom-radiator', 'set_temperature', { temperature: 19 }]],
  ),
  c(
    'turn off the bedroom thermostat',
    'HassTurnOff',
    { name: 'bedroom thermostat' },
    { 'bedroom-thermostat': { on: false, hvac_mode: 'off' } },
    [['bedroom-thermostat', 'set_hvac_mode', { hvac_mode: 'heat' }]],
  ),
  // vacuum, vehicle, media
  c('start the hoover', 'HassVacuumStart', { name: 'robot vacuum' }, { 'robot-vacuum': { state: 'cleaning' } }, [
    ['robot-vacuum', 'stop'],
  ]),
  c(
    'send the hoover home',
    'HassVacuumReturnToBase',
    { name: 'robot vacuum' },
    { 'robot-vacuum': { state: 'returning' } },
    [['robot-vacuum', 'start']],
  ),
  c('lock the car', 'VehicleLock', { domain: 'vehicle' }, { car: { locked: true } }, [['car', 'unlock']]),
  asks(c('unlock my car', 'VehicleUnlock', { domain: 'vehicle' }, { car: { locked: false } }, [['car', 'lock']])),
  c(
    'play jazz in the office',
    'HassMediaSearchAndPlay',
    { search_query: 'jazz', area: 'office' },
    { 'office-speaker': { state: 'playing', media_query: 'jazz' } },
    [['office-speaker', 'turn_off']],
  ),
  c(
    'set the office speaker volume to 30',
    'HassSetVolume',
    { name: 'office speaker', volume_level: 30 },
    { 'office-speaker': { volume_level: 30 } },
    [['office-speaker', 'set_volume', { volume_level: 55 }]],
  ),
  // Notches are presses of up or down (ten percent each), not percent.
  c(
    'turn the office speaker down two notches',
    'HassSetVolumeRelative',
    { name: 'office speaker', volume_step: -20 },
    { 'office-speaker': { volume_level: 35 } },
    [['office-speaker', 'set_volume', { volume_level: 55 }]],
  ),
];
