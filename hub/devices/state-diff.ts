import { isDeepStrictEqual } from 'node:util';
import type { DeviceState } from '../sdk/index.js';

/** The attributes of `patch` whose values differ from `current` (deep comparison). */
export function diffState(current: DeviceState, patch: DeviceState): DeviceState {
  const changed: DeviceState = {};
  for (const [key, value] of Object.entries(patch)) {
    if (!isDeepStrictEqual(current[key], value)) changed[key] = value;
  }
  return changed;
}
