/**
 * The load generator: N simulated devices, each its own mqtt.js connection (MQTT 3.1.1, its own credential),
 * publishing retained QoS 1 state messages `{seq, t, on}` on `hearth/<id>/state`. The same generator runs
 * against the hub, raw aedes and Mosquitto, so only the broker side differs between the numbers.
 */
import mqtt, { type MqttClient } from 'mqtt';
import { nowMs } from './stats.js';

export interface LoadDevice {
  id: string;
  username?: string;
  password?: string;
}

export interface RatePlan {
  mode: 'rate';
  /** Messages per second over all devices. */
  ratePerSec: number;
  durationMs: number;
}

/** As fast as the broker acknowledges: each device keeps `window` QoS 1 publishes in flight. */
export interface SaturationPlan {
  mode: 'saturate';
  window: number;
  durationMs: number;
}

export type LoadPlan = (RatePlan | SaturationPlan) & { qos?: 0 | 1; retain?: boolean };

export interface LoadResult {
  sent: number;
  acked: number;
  publishErrors: number;
  elapsedMs: number;
  sentPerSec: number;
  /** The last sequence number of each device (they start at 1), so the receiver can count what is missing. */
  lastSeq: Record<string, number>;
}

interface Sender {
  device: LoadDevice;
  client: MqttClient;
  seq: number;
  inflight: number;
}

export class LoadGenerator {
  private senders: Sender[] = [];

  constructor(private readonly url: string) {}

  /** Connects these devices (added to those already connected), at most `parallel` handshakes at a time. */
  async connect(devices: readonly LoadDevice[], parallel = 50): Promise<void> {
    const queue = [...devices];
    const worker = async () => {
      for (let device = queue.shift(); device; device = queue.shift()) {
        const client = await mqtt.connectAsync(this.url, {
          protocolVersion: 4,
          clientId: device.id,
          ...(device.username ? { username: device.username, password: device.password ?? '' } : {}),
          reconnectPeriod: 0,
          connectTimeout: 60_000,
          clean: true,
        });
        this.senders.push({ device, client, seq: 0, inflight: 0 });
      }
    };
    await Promise.all(Array.from({ length: Math.min(parallel, queue.length) }, worker));
  }

  get connectedCount(): number {
    return this.senders.filter((s) => s.client.connected).length;
  }

  async run(plan: LoadPlan): Promise<LoadResult> {
    const qos = plan.qos ?? 1;
    const retain = plan.retain ?? true;
    let sent = 0;
    let acked = 0;
    let publishErrors = 0;
    const started = performance.now();
    const publish = (sender: Sender, onAck?: () => void) => {
      const seq = ++sender.seq;
      sent++;
      sender.inflight++;
      const payload = `{"seq":${seq},"t":${nowMs()},"on":${seq % 2 === 0}}`;
      sender.client.publish(`hearth/${sender.device.id}/state`, payload, { qos, retain }, (err) => {
        sender.inflight--;
        if (err) publishErrors++;
        else acked++;
        onAck?.();
      });
    };
    await new Promise<void>((resolve) => {
      if (plan.mode === 'rate') {
        let next = 0;
        const timer = setInterval(() => {
          const elapsed = performance.now() - started;
          const due = Math.min(
            plan.ratePerSec * (Math.min(elapsed, plan.durationMs) / 1000),
            (plan.ratePerSec * plan.durationMs) / 1000,
          );
          while (sent < due) publish(this.senders[next++ % this.senders.length]!);
          if (elapsed >= plan.durationMs) {
            clearInterval(timer);
            resolve();
          }
        }, 5);
      } else {
        let stopping = false;
        const refill = (sender: Sender) => {
          if (!stopping && sender.client.connected) publish(sender, () => refill(sender));
        };
        for (const sender of this.senders) for (let i = 0; i < plan.window; i++) refill(sender);
        setTimeout(() => {
          stopping = true;
          resolve();
        }, plan.durationMs);
      }
    });
    const elapsedMs = performance.now() - started;
    // Wait (bounded) for the last PUBACKs, so `acked` is final.
    const deadline = performance.now() + 15_000;
    while (this.senders.some((s) => s.inflight > 0) && performance.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    return {
      sent,
      acked,
      publishErrors,
      elapsedMs: Math.round(elapsedMs),
      sentPerSec: Math.round(sent / (elapsedMs / 1000)),
      lastSeq: Object.fromEntries(this.senders.map((s) => [s.device.id, s.seq])),
    };
  }

  async close(): Promise<void> {
    await Promise.all(this.senders.map((s) => s.client.endAsync(true).catch(() => undefined)));
    this.senders = [];
  }
}
