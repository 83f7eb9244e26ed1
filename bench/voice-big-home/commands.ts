/**
 * Spoken commands for the big-home latency bench: one "turn on/off" or "open/close" sentence per device that a
 * native simulated firmware runs (lights, switches, fans, covers of test/phrasings/household.yaml), written here
 * from the device's registered name, said in the device's own room (so "Ceiling Light" is the one there).
 */
import type { HouseholdDefinition } from '../../firmware-sim/household.js';

export interface BigHomeCommand {
  text: string;
  deviceId: string;
  area: string;
}

const SWITCHED = new Set(['light', 'switch', 'fan']);

/** Two commands per switchable device and cover (on then off, open then close), in household order. */
export function bigHomeCommands(home: HouseholdDefinition, nativeIds: ReadonlySet<string>): BigHomeCommand[] {
  const out: BigHomeCommand[] = [];
  for (const device of home.devices) {
    if (!nativeIds.has(device.id)) continue;
    const name = device.name; // as registered: espeak-ng reads "TV", "LED" and "EV" as letters
    const type = device.type ?? '';
    const pair = SWITCHED.has(type)
      ? [`turn on the ${name}`, `turn off the ${name}`]
      : type === 'cover'
        ? [`open the ${name}`, `close the ${name}`]
        : [];
    for (const text of pair) out.push({ text, deviceId: device.id, area: device.area });
  }
  return out;
}
