/** Records a started component so the hub can stop it (in reverse) or undo a failed start. */
export type Started = (name: string, stop: () => Promise<void> | void) => void;
