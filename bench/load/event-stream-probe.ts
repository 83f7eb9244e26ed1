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
  /** How many times the stream was closed by the hub and reopened (a dashboard reconnects too). */
  reconnects?: number;
}

export class EventStreamProbe {
  private socket: WebSocket | undefined;
  private latency = new LatencyRecorder();
  private sequences = new SequenceTracker();
  private received = 0;
  private closedWith: string | undefined;
  private reconnects = 0;

  constructor(private readonly url: string) {}

  async open(): Promise<void> {
    const socket = new WebSocket(this.url);
    this.socket = socket;
    socket.on('message', (data: Buffer) => {
      const at = nowMs();
      const message = JSON.parse(data.toString()) as {
        event: string;
        payload: { deviceId: string; changed: { seq?: number; t?: number } };
      };
      if (message.event !== 'deviceStateChanged') return;
      const { seq, t } = message.payload.changed;
      if (typeof seq !== 'number' || typeof t !== 'number') return;
      this.received++;
      this.sequences.record(message.payload.deviceId, seq);
      this.latency.add(at - t);
    });
    socket.on('close', (code, reason) => {
      if (this.socket !== socket) return;
      this.closedWith = `${code} ${reason.toString()}`;
      // Reopen like a dashboard would; what was sent meanwhile is missing and counted as such.
      this.reconnects++;
      setTimeout(() => void this.open().catch(() => undefined), 100);
    });
    socket.on('error', () => undefined); // followed by 'close', handled above
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
      ...(this.closedWith ? { closedByHub: this.closedWith, reconnects: this.reconnects } : {}),
    };
    this.closedWith = undefined;
    this.reconnects = 0;
    this.latency = new LatencyRecorder();
    this.sequences = new SequenceTracker();
    this.received = 0;
    return report;
  }

  close(): void {
    const socket = this.socket;
    this.socket = undefined;
    socket?.close();
  }
}
