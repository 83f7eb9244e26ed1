import { readFileSync } from 'node:fs';
/** One target under one load: run the generator, wait for the receiver to drain, count what was lost. */
import type { GeneratorProcess } from './child-driver.js';
import type { ProbeReport } from './event-stream-probe.js';
import type { LoadPlan, LoadResult } from './generator.js';
import type { LatencySummary } from './stats.js';
import type { DeliverySink } from './targets.js';

export interface PhaseReport {
  sent: number;
  acked: number;
  delivered: number;
  lost: number;
  duplicates: number;
  sentPerSec: number;
  deliveredPerSec: number;
  latency: LatencySummary;
  events?: ProbeReport;
}

/** `probe` is a second process holding only the WebSocket event-stream client (hub only). */
export async function measurePhase(
  generator: GeneratorProcess,
  sink: DeliverySink,
  plan: LoadPlan,
  previous?: LoadResult,
  probe?: GeneratorProcess,
): Promise<{ report: PhaseReport; result: LoadResult }> {
  sink.reset();
  await probe?.probeReport();
  const { result } = await generator.run(plan);
  const expected = Object.entries(result.lastSeq).reduce(
    (sum, [id, last]) => sum + last - (previous?.lastSeq[id] ?? 0),
    0,
  );
  const deadline = performance.now() + 15_000;
  while (sink.sequences.uniqueCount < expected && performance.now() < deadline)
    await new Promise((r) => setTimeout(r, 20));
  const delivered = sink.sequences.uniqueCount;
  // Let the last events cross the WebSocket.
  if (probe) await new Promise((r) => setTimeout(r, 500));
  const events = await probe?.probeReport();
  const windowMs = Math.max(1, sink.lastAt - sink.firstAt);
  return {
    result,
    report: {
      sent: expected,
      acked: result.acked,
      delivered,
      lost: expected - delivered,
      duplicates: sink.sequences.duplicateCount,
      sentPerSec: result.sentPerSec,
      deliveredPerSec: Math.round(delivered / (windowMs / 1000)),
      latency: sink.latency.summary(),
      ...(events ? { events } : {}),
    },
  };
}

/** RSS of this process (after a GC when --expose-gc), or of another process from /proc/<pid>/status. */
export function rssBytes(pid?: number): number {
  if (pid) {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : NaN;
  }
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().rss;
}
