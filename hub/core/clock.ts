// The clock is part of the public SDK (firmware-sim shares it); hub code keeps importing it from here.
export { ManualClock, systemClock, type Clock, type TimerHandle } from '../sdk/clock.js';
