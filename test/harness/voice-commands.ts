/**
 * Spoken commands for the tuned household (test/harness/tuned-household.ts), with what the hub
 * must understand and what the device must end up doing. Written for these tests.
 * Run in order, each command changes the state the one before left (on → off → on …), so a
 * state check cannot pass by accident.
 */
export interface VoiceCommandCase {
  text: string;
  intent: string;
  /** Slots that must be present with these values (others may be there too). */
  slots: Record<string, string | number>;
  /** The device that must change, and the state it must reach. */
  device?: { id: string; state: Record<string, unknown> };
  /** Passed as ?area= (the room the satellite or caller is in). */
  area?: string;
  /** Opens the house: the hub asks "Do you want me to …?" and the caller answers with a spoken "yes". */
  confirm?: true;
}

export const HOUSEHOLD_VOICE_COMMANDS: VoiceCommandCase[] = [
  {
    text: 'turn on the kitchen light',
    intent: 'HassTurnOn',
    slots: { name: 'kitchen light' },
    device: { id: 'kitchen-light', state: { on: true } },
  },
  {
    text: 'turn off the kitchen light',
    intent: 'HassTurnOff',
    slots: { name: 'kitchen light' },
    device: { id: 'kitchen-light', state: { on: false } },
  },
  {
    text: 'turn on the hallway light',
    intent: 'HassTurnOn',
    slots: { name: 'hallway light' },
    device: { id: 'hallway-light', state: { on: true } },
  },
  {
    text: 'turn off the hallway light',
    intent: 'HassTurnOff',
    slots: { name: 'hallway light' },
    device: { id: 'hallway-light', state: { on: false } },
  },
  {
    text: 'turn on the bedroom light',
    intent: 'HassTurnOn',
    slots: { name: 'bedroom light' },
    device: { id: 'bedroom-light', state: { on: true } },
  },
  {
    text: 'set the bedroom light to thirty percent',
    intent: 'HassLightSet',
    slots: { name: 'bedroom light', brightness: 30 },
    device: { id: 'bedroom-light', state: { brightness: 30 } },
  },
  {
    text: 'turn off the bedroom light',
    intent: 'HassTurnOff',
    slots: { name: 'bedroom light' },
    device: { id: 'bedroom-light', state: { on: false } },
  },
  {
    text: 'turn on the living room lamp',
    intent: 'HassTurnOn',
    slots: { name: 'living room lamp' },
    device: { id: 'living-room-lamp', state: { on: true } },
  },
  {
    text: 'turn off the living room lamp',
    intent: 'HassTurnOff',
    slots: { name: 'living room lamp' },
    device: { id: 'living-room-lamp', state: { on: false } },
  },
  {
    text: 'turn on the kettle',
    intent: 'HassTurnOn',
    slots: { name: 'kettle' },
    device: { id: 'kettle', state: { on: true } },
  },
  {
    text: 'turn off the kettle',
    intent: 'HassTurnOff',
    slots: { name: 'kettle' },
    device: { id: 'kettle', state: { on: false } },
  },
  {
    text: 'open the living room blinds',
    intent: 'HassTurnOn',
    slots: { name: 'living room blinds' },
    device: { id: 'living-room-blinds', state: { target_position: 100 } },
  },
  {
    text: 'close the living room blinds',
    intent: 'HassTurnOff',
    slots: { name: 'living room blinds' },
    device: { id: 'living-room-blinds', state: { target_position: 0 } },
  },
  {
    text: 'unlock the front door',
    intent: 'HassTurnOff',
    slots: { name: 'front door' },
    device: { id: 'front-door', state: { locked: false } },
    confirm: true,
  },
  {
    text: 'lock the front door',
    intent: 'HassTurnOn',
    slots: { name: 'front door' },
    device: { id: 'front-door', state: { locked: true } },
  },
  {
    text: 'set the bedroom thermostat to twenty two degrees',
    intent: 'HassClimateSetTemperature',
    slots: { name: 'bedroom thermostat', temperature: 22 },
    device: { id: 'bedroom-thermostat', state: { target_temperature: 22 } },
  },
  {
    text: 'set the bedroom thermostat to eighteen degrees',
    intent: 'HassClimateSetTemperature',
    slots: { name: 'bedroom thermostat', temperature: 18 },
    device: { id: 'bedroom-thermostat', state: { target_temperature: 18 } },
  },
  {
    text: 'turn on the light',
    intent: 'HassTurnOn',
    slots: { domain: 'light' },
    area: 'kitchen',
    device: { id: 'kitchen-light', state: { on: true } },
  },
  {
    text: 'turn off the light',
    intent: 'HassTurnOff',
    slots: { domain: 'light' },
    area: 'kitchen',
    device: { id: 'kitchen-light', state: { on: false } },
  },
  { text: 'what time is it', intent: 'HassGetCurrentTime', slots: {} },
];
