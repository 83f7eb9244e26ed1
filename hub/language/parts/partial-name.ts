/**
 * A device called by one word of its name after a verb only some kinds of device take ("unlock front": the one lock
 * whose name or alias has "front", though a light's alias "front light" has it too). Looked up only when such a verb
 * names no device, among the devices of the verb's kinds.
 */
import type { Device, DeviceType } from '../../sdk/devices.js';
import { tokenize } from '../normalize.js';
import type { DeviceLookup } from '../targets.js';

/** The one device of `types` with `word` in its name or an alias; undefined when none or several have it. */
export function deviceByPartOfName(
  word: string,
  types: ReadonlySet<DeviceType>,
  devices: DeviceLookup,
): Device | undefined {
  let found: Device | undefined;
  for (const device of devices.list()) {
    if (!types.has(device.type)) continue;
    if (![device.name, ...device.aliases].some((said) => tokenize(said).includes(word))) continue;
    if (found) return undefined;
    found = device;
  }
  return found;
}
