/** An understood request: Home Assistant's intent and slot names where Home Assistant has them. */
export type SlotValue = string | number | boolean;

/**
 * How far one step of a relative change goes, in percent: a bare "louder" (`volume_step: 'up'`) and each notch of
 * "two notches down" (volume_step -20).
 */
export const RELATIVE_STEP_PERCENT = 10;

export interface Intent {
  name: string;
  slots: Record<string, SlotValue>;
}

/** Who asked, and where: the satellite or device that heard the command fills `area`. */
export interface UtteranceContext {
  area?: string;
  user?: string;
  /** The satellite (device id) that heard it: its timers and alarms ring there, and it does not hear its own announcement. */
  satellite?: string;
  /** Resolve everything, send nothing. */
  dryRun?: boolean;
}
