/** An understood request: Home Assistant's intent and slot names where Home Assistant has them. */
export type SlotValue = string | number | boolean;

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
