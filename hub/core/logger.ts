import { pino, type DestinationStream } from 'pino';
import type { Logger, LogLevel } from '../sdk/logger.js';

export type { Logger, LogLevel } from '../sdk/logger.js';

export function createLogger(level: LogLevel = 'info', destination?: NodeJS.WritableStream): Logger {
  return pino({ level, base: undefined }, destination as DestinationStream | undefined) as unknown as Logger;
}

export const silentLogger: Logger = createLogger('silent');
