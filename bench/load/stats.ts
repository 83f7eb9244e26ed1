/** Latency percentiles and per-device sequence accounting (lost / duplicated) for the load benchmarks. */

/** Wall-clock milliseconds with sub-millisecond resolution, comparable between processes on one machine. */
export function nowMs(): number {
  return performance.timeOrigin + performance.now();
}

export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

export interface LatencySummary {
  count: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
}

/** Collects latencies into a preallocated, growable Float64Array (no per-sample object). */
export class LatencyRecorder {
  private samples = new Float64Array(1 << 16);
  private n = 0;

  add(ms: number): void {
    if (this.n === this.samples.length) {
      const grown = new Float64Array(this.samples.length * 2);
      grown.set(this.samples);
      this.samples = grown;
    }
    this.samples[this.n++] = ms;
  }

  get count(): number {
    return this.n;
  }

  summary(): LatencySummary {
    const sorted = this.samples.slice(0, this.n).sort();
    const round = (v: number) => Math.round(v * 100) / 100;
    return {
      count: this.n,
      p50Ms: round(percentile(sorted, 0.5)),
      p90Ms: round(percentile(sorted, 0.9)),
      p99Ms: round(percentile(sorted, 0.99)),
      maxMs: round(this.n ? sorted[this.n - 1]! : NaN),
    };
  }
}

/** Which sequence numbers arrived from each device: a bitmap per device, so duplicates are counted exactly. */
export class SequenceTracker {
  private readonly seen = new Map<string, Uint8Array>();
  private unique = 0;
  private duplicates = 0;

  record(deviceId: string, seq: number): void {
    let bits = this.seen.get(deviceId);
    const byte = seq >> 3;
    if (!bits || byte >= bits.length) {
      const grown = new Uint8Array(Math.max(64, (byte + 1) * 2));
      if (bits) grown.set(bits);
      bits = grown;
      this.seen.set(deviceId, bits);
    }
    const mask = 1 << (seq & 7);
    if (bits[byte]! & mask) this.duplicates++;
    else {
      bits[byte]! |= mask;
      this.unique++;
    }
  }

  has(deviceId: string, seq: number): boolean {
    const bits = this.seen.get(deviceId);
    return !!bits && seq >> 3 < bits.length && (bits[seq >> 3]! & (1 << (seq & 7))) !== 0;
  }

  get uniqueCount(): number {
    return this.unique;
  }

  get duplicateCount(): number {
    return this.duplicates;
  }
}

/** The load's state payload: `seq` (per device, from 1) and `t` (send time, nowMs()). */
export function parseLoadPayload(payload: Buffer | string): { seq: number; t: number } | undefined {
  try {
    const body = JSON.parse(payload.toString()) as { seq?: unknown; t?: unknown };
    return typeof body.seq === 'number' && typeof body.t === 'number' ? { seq: body.seq, t: body.t } : undefined;
  } catch {
    return undefined;
  }
}

export function deviceIdFromStateTopic(topic: string): string | undefined {
  const parts = topic.split('/');
  return parts.length === 3 && parts[2] === 'state' ? parts[1] : undefined;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
