/**
 * One typed command for each kind of device in the furnished home (config/example-household.yaml): lights, the lock,
 * the blinds, the thermostat, the car, the TV, the fan, a plug and the vacuum. The README's first hour answers them
 * "offline" once the simulator is stopped; bench/offline-answer.ts times the same answer.
 */
export const FURNISHED_HOME_COMMANDS: readonly string[] = [
  'turn on the kitchen light',
  'unlock the front door',
  'close the living room blinds',
  'set the heating to 22',
  'lock the car',
  'turn on the tv',
  'turn off the fan',
  'turn on the kettle',
  'start the robot vacuum',
  'turn on the hallway light',
];
