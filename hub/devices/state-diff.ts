import { isDeepStrictEqual } from 'node:util';
import type { DeviceState } from '../sdk/index.js';

/** The attributes of `patch` whose values differ from `current` (deep comparison). */
export function diffState(current: DeviceState, patch: DeviceState): DeviceState {
  const changed: DeviceState = {};
  for (const key of Object.keys(patch)) {
    const before = current[key];
    const after = patch[key];
    // Most attributes are numbers, booleans and strings: compare those without the deep comparison's cost.
    if (Object.is(before, after)) continue;
    if (typeof before === 'object' && typeof after === 'object' && isDeepStrictEqual(before, after)) continue;
    changed[key] = after;
  }
  return changed;
}
