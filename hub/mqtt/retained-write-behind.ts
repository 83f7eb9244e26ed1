/**
 * Write-behind for retained messages. aedes keeps every retained message in memory and answers from there;
 * the SQLite copy only has to rebuild that memory after a restart. So a retained publish marks its topic
 * dirty, and every `intervalMs` the dirty topics are written in one transaction: ten updates of one topic
 * within an interval cost one row write (MQTT 3.1.1 §3.3.1.3 keeps only the last message per topic anyway).
 *
 * What a crash (kill -9, power loss) can lose is the retained messages of the last interval; a clean stop
 * flushes. Mosquitto's default is far longer (autosave_interval 1800 s). Devices re-publish their retained
 * state on reconnect, and the registry keeps its own last state (hub/devices/state-writer.ts).
 */
import { systemClock, type Clock, type TimerHandle } from '../core/clock.js';

export const RETAINED_FLUSH_INTERVAL_MS = 1000;

export interface RetainedWriteBehindDeps<P> {
  /** Must write every packet in one transaction, or throw and write none. */
  writeAll(packets: Iterable<P>): void;
  onError(error: Error, pending: number): void;
  intervalMs?: number;
  clock?: Clock;
}

export class RetainedWriteBehind<P extends { topic: string }> {
  private dirty = new Map<string, P>();
  private timer: TimerHandle | undefined;
  private readonly intervalMs: number;
  private readonly clock: Clock;

  constructor(private readonly deps: RetainedWriteBehindDeps<P>) {
    this.intervalMs = deps.intervalMs ?? RETAINED_FLUSH_INTERVAL_MS;
    this.clock = deps.clock ?? systemClock;
  }

  /** The packet replaces whatever was waiting for its topic (an empty payload is a delete, also written). */
  mark(packet: P): void {
    this.dirty.set(packet.topic, packet);
    this.timer ??= this.clock.setTimeout(() => this.flushOnTimer(), this.intervalMs);
  }

  get pending(): number {
    return this.dirty.size;
  }

  /** Writes every dirty topic now; on stop, and by the timer. Throws what the write threw, keeping the topics dirty. */
  flush(): void {
    if (this.timer) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
    if (this.dirty.size === 0) return;
    const batch = this.dirty;
    this.dirty = new Map();
    try {
      this.deps.writeAll(batch.values());
    } catch (err) {
      // Keep what failed unless a newer message for the same topic arrived meanwhile; retry later.
      for (const [topic, packet] of batch) if (!this.dirty.has(topic)) this.dirty.set(topic, packet);
      this.timer ??= this.clock.setTimeout(() => this.flushOnTimer(), this.intervalMs * 4);
      throw err instanceof Error ? err : new Error(String(err));
    }
  }

  private flushOnTimer(): void {
    this.timer = undefined;
    try {
      this.flush();
    } catch (err) {
      this.deps.onError(err as Error, this.dirty.size);
    }
  }
}
