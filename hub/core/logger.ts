import { pino, type DestinationStream } from 'pino';

/** The subset of pino the hub uses, so tests can pass a silent or capturing logger. */
export interface Logger {
  debug(obj: object | string, msg?: string): void;
  info(obj: object | string, msg?: string): void;
  warn(obj: object | string, msg?: string): void;
  error(obj: object | string, msg?: string): void;
  child(bindings: Record<string, unknown>): Logger;
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

export function createLogger(level: LogLevel = 'info', destination?: NodeJS.WritableStream): Logger {
  return pino({ level, base: undefined }, destination as DestinationStream | undefined) as unknown as Logger;
}

export const silentLogger: Logger = createLogger('silent');
