/** Where a third-party skill's code runs: a sandboxed child process, or a worker thread as the fallback. */
import type { ToWorker } from './messages.js';
import type { ProcessUsage } from './process-limits.js';

export interface SkillHostOptions {
  /** Absolute path of the skill's module. */
  entry: string;
  /** The only directory the skill may read (its install dir). */
  installDir: string;
  memoryLimitMb: number;
  /** The whole child process's memory (RLIMIT_DATA, process-limits.ts); a thread cannot have one. */
  processMemoryLimitMb: number;
}

export interface SkillHostHandlers {
  message(raw: unknown): void;
  output(stream: 'stdout' | 'stderr', text: string): void;
  /** The sandbox died without being asked to (crash, exit, out of memory). Called at most once. */
  gone(reason: string): void;
}

export interface SkillHost {
  readonly kind: 'process' | 'thread';
  send(message: ToWorker): void;
  /** Memory and CPU of the sandbox as far as they can be read (none once it is gone). */
  usage(): Partial<ProcessUsage> | undefined;
  /** Kills the sandbox; `gone` is not called for it. */
  terminate(): Promise<void>;
}

export type SkillHostFactory = (options: SkillHostOptions, handlers: SkillHostHandlers) => SkillHost;
