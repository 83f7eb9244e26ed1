/**
 * Spoken commands the hub must be sure it heard: anything that locks or unlocks, opens or closes a door, a gate
 * or a garage, drives the car, or buys. A recogniser's nearest-sentence guess at one of these ("lock" for
 * "unlock", a purchase for a mumble) is asked back ("Did you say …?") instead of acted on.
 */
import type { Device } from '../sdk/devices.js';
import { guardsTheHouse } from '../../device-types/sensitive-commands.js';

export interface SensitiveLookup {
  device(id: string): Device | undefined;
  /** True for intents whose skill may place orders (`orders:create`). */
  buys(intent: string): boolean;
}

/** Whether acting on this understanding touches a lock, door, gate, the car or a purchase. */
export function isSensitive(
  understood: { intent?: { name: string } | null; targets?: readonly string[] },
  lookup: SensitiveLookup,
): boolean {
  if (!understood.intent) return false;
  if (lookup.buys(understood.intent.name)) return true;
  return (understood.targets ?? []).some((id) => {
    const device = lookup.device(id);
    return device !== undefined && guardsTheHouse(device);
  });
}
