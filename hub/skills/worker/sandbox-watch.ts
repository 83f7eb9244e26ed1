/**
 * Watches a running skill sandbox between what the call timeout sees: the whole process's memory (RSS, not only
 * the V8 heap) and the CPU it burns while it handles no call (a busy loop started after replying ran at 94 % of a
 * core until the next call timed out). A sandbox over either limit is reported once; the skill is then stopped
 * and the violation counted as its failure (worker-skill.ts).
 */
import type { ProcessUsage } from './process-limits.js';

export interface SandboxLimits {
  /** The whole process's resident memory, in MB (a worker thread shares the hub's process: only its CPU is watched). */
  processMemoryLimitMb: number;
  /** Share of the time a skill may keep a core busy (running or waiting to run) while no call of it runs, over a second. */
  idleCpuPercent: number;
}

/** How often the process is looked at: a few reads of /proc a second per loaded skill. */
export const WATCH_INTERVAL_MS = 250;
/** CPU right after a call (promises settling, GC) is the call's: idle starts this long after a call ended. */
const AFTER_CALL_GRACE_MS = 500;
/** Idle CPU is judged over this window, so one GC pause is not a busy loop. */
const IDLE_WINDOW_MS = 1000;

export interface WatchedSandbox {
  usage(): Partial<ProcessUsage> | undefined;
  /** True while a call runs, or ended less than AFTER_CALL_GRACE_MS ago. */
  busySince(now: number): boolean;
}

export class SandboxWatch {
  private timer: NodeJS.Timeout | undefined;
  private samples: { at: number; busyMs: number }[] = [];

  constructor(
    private readonly limits: SandboxLimits,
    private readonly onViolation: (reason: string) => void,
  ) {}

  start(sandbox: WatchedSandbox): void {
    this.stop();
    this.timer = setInterval(() => this.check(sandbox), WATCH_INTERVAL_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.samples = [];
  }

  private check(sandbox: WatchedSandbox): void {
    const usage = sandbox.usage();
    if (!usage) return;
    const now = performance.now();
    const limitBytes = this.limits.processMemoryLimitMb * 1024 * 1024;
    if (usage.rssBytes !== undefined && usage.rssBytes > limitBytes) {
      return this.violated(
        `used ${Math.round(usage.rssBytes / 1024 / 1024)} MB of memory, over its ${this.limits.processMemoryLimitMb} MB limit (skills.processMemoryLimitMb)`,
      );
    }
    // What the skill wanted (ran or waited to run) where the kernel says it; what it got otherwise.
    const busyMs = usage.demandMs ?? usage.cpuMs;
    if (busyMs === undefined) return;
    if (sandbox.busySince(now)) {
      this.samples = [];
      return;
    }
    this.samples.push({ at: now, busyMs });
    while (this.samples.length > 1 && now - this.samples[1]!.at >= IDLE_WINDOW_MS) this.samples.shift();
    const first = this.samples[0]!;
    if (now - first.at < IDLE_WINDOW_MS) return;
    const percent = ((busyMs - first.busyMs) / (now - first.at)) * 100;
    if (percent > this.limits.idleCpuPercent) {
      this.violated(
        `kept a CPU busy ${Math.round(percent)} % of the time for ${((now - first.at) / 1000).toFixed(1)} s while handling no call (limit ${this.limits.idleCpuPercent} %, skills.idleCpuPercent)`,
      );
    }
  }

  private violated(reason: string): void {
    this.stop();
    this.onViolation(reason);
  }
}

export { AFTER_CALL_GRACE_MS };
