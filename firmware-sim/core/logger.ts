import { pino, destination } from 'pino';
import type { Logger, LogLevel } from '../../hub/sdk/index.js';

/** The logging surface simulated devices use: the SDK's Logger. */
export type SimLogger = Logger;
export type SimLogLevel = LogLevel;

/** Logs go to stderr so stdout stays the one-line-per-device report. */
export function createSimLogger(level: SimLogLevel = 'warn'): SimLogger {
  return pino({ level, base: undefined, name: 'hearth-sim' }, destination(2)) as unknown as SimLogger;
}

export const quietLogger: SimLogger = pino({ level: 'silent' }) as unknown as SimLogger;
