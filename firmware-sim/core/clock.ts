/**
 * Time for simulated firmware: the SDK's clock under the names firmware-sim has always exported.
 */
import { ManualClock, systemClock, type Clock, type TimerHandle } from '../../hub/sdk/index.js';

export type SimClock = Clock;
export type SimTimer = TimerHandle;
export const realClock: SimClock = systemClock;
/** Virtual time for tests: nothing happens until `advance` moves the clock. */
export const VirtualClock = ManualClock;
export type VirtualClock = ManualClock;
