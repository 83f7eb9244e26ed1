/**
 * Group commit for retained QoS 1 publishes. aedes sends PUBACK before it stores a retained message, so the
 * broker writes it first (a PUBACKed retained message must survive kill -9). One fsync per message capped
 * the broker at a few hundred retained publishes per second; here every retained publish that arrives in
 * the same event-loop turn is written in one transaction, and each is authorized (→ PUBACK) only after
 * that transaction committed. The guarantee is unchanged; the cost is one fsync per turn.
 */
export type CommitDone = (error: Error | null) => void;

export class RetainedGroupCommit<P> {
  private queue: { packet: P; done: CommitDone }[] = [];
  private scheduled = false;

  /** `writeAll` must write every packet in one transaction, in order, or throw. */
  constructor(private readonly writeAll: (packets: P[]) => void) {}

  add(packet: P, done: CommitDone): void {
    this.queue.push({ packet, done });
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }

  /** Writes what is queued now; called by the timer, and by stop() so no publish waits forever. */
  flush(): void {
    this.scheduled = false;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;
    let error: Error | null = null;
    try {
      this.writeAll(batch.map((entry) => entry.packet));
    } catch (err) {
      error = err instanceof Error ? err : new Error(String(err));
    }
    for (const entry of batch) entry.done(error);
  }
}
