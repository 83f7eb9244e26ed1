/** The marketplace simulator's view of time: the SDK's clock, so tests can pass one `ManualClock` to hub and simulator. */
import { systemClock, type Clock } from '../../hub/sdk/index.js';

export type SimClock = Clock;
export const realSimClock: SimClock = systemClock;
