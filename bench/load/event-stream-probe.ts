/** A WebSocket client on the hub's `/api/v1/events`: counts deviceStateChanged events of the load and their latency. */
import WebSocket from 'ws';
import { LatencyRecorder, nowMs, SequenceTracker, type LatencySummary } from './stats.js';

export interface ProbeReport {
  received: number;
  unique: number;
  duplicates: number;
  latency: LatencySummary;
}

export class EventStreamProbe {
  private socket: WebSocket | undefined;
  private readonly latency = new LatencyRecorder();
  private readonly sequences = new SequenceTracker();
  private received = 0;

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
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
  }

  report(): ProbeReport {
    return { received: this.received, unique: this.sequences.uniqueCount, duplicates: this.sequences.duplicateCount, latency: this.latency.summary() };
  }

  close(): void {
    this.socket?.close();
  }
}
