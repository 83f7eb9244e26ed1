import { pino, destination } from 'pino';

/** The logging surface simulated devices use; pino loggers (and the hub's Logger) fit it. */
export interface SimLogger {
  debug(obj: object | string, msg?: string): void;
  info(obj: object | string, msg?: string): void;
  warn(obj: object | string, msg?: string): void;
  error(obj: object | string, msg?: string): void;
  child(bindings: Record<string, unknown>): SimLogger;
}

export type SimLogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

/** Logs go to stderr so stdout stays the one-line-per-device report. */
export function createSimLogger(level: SimLogLevel = 'warn'): SimLogger {
  return pino({ level, base: undefined, name: 'hearth-sim' }, destination(2)) as unknown as SimLogger;
}

export const quietLogger: SimLogger = pino({ level: 'silent' }) as unknown as SimLogger;
