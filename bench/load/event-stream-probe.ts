/** A WebSocket client on the hub's `/api/v1/events`: counts deviceStateChanged events of the load and their latency. */
import WebSocket from 'ws';
import { LatencyRecorder, nowMs, SequenceTracker, type LatencySummary } from './stats.js';

export interface ProbeReport {
  received: number;
  unique: number;
  duplicates: number;
  latency: LatencySummary;
  /** Set when the hub closed the stream (e.g. 1013 "too slow" once 1 MB was queued for this client). */
  closedByHub?: string;
}

export class EventStreamProbe {
  private socket: WebSocket | undefined;
  private latency = new LatencyRecorder();
  private sequences = new SequenceTracker();
  private received = 0;
  private closedWith: string | undefined;

  constructor(private readonly url: string) {}

  async open(): Promise<void> {
    const socket = new WebSocket(this.url);
    this.socket = socket;
    socket.on('message', (data: Buffer) => {
      const at = nowMs();
      const message = JSON.parse(data.toString()) as { event: string; payload: { deviceId: string; changed: { seq?: number; t?: number } } };
      if (message.event !== 'deviceStateChanged') return;
      const { seq, t } = message.payload.changed;
      if (typeof seq !== 'number' || typeof t !== 'number') return;
      this.received++;
      this.sequences.record(message.payload.deviceId, seq);
      this.latency.add(at - t);
    });
    socket.on('close', (code, reason) => (this.closedWith = `${code} ${reason.toString()}`));
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
  }

  /** Returns what arrived since the last call and starts counting afresh. */
  takeReport(): ProbeReport {
    const report: ProbeReport = {
      received: this.received,
      unique: this.sequences.uniqueCount,
      duplicates: this.sequences.duplicateCount,
      latency: this.latency.summary(),
      ...(this.closedWith ? { closedByHub: this.closedWith } : {}),
    };
    this.latency = new LatencyRecorder();
    this.sequences = new SequenceTracker();
    this.received = 0;
    return report;
  }

  close(): void {
    this.socket?.close();
  }
}
