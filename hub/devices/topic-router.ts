/**
 * Each device's subscriptions through the transport. Devices sharing a topic (zigbee2mqtt's bridge
 * state, an ESPHome node's status) each hold their own subscription, so a device added later still
 * receives the topic's retained message (MQTT 3.1.1 §3.3.1.3) as a new subscriber does.
 */
import type { Logger } from '../core/logger.js';
import type { MqttMessage, MqttTransport } from '../mqtt/transport.js';

export interface Route {
  deviceId: string;
  role: string;
}

type Unsubscribe = () => Promise<void>;

export class TopicRouter {
  /** deviceId → (topic + role) → pending or active subscription */
  private readonly byDevice = new Map<string, Map<string, Promise<Unsubscribe | undefined>>>();

  constructor(
    private readonly transport: MqttTransport,
    private readonly onMessage: (route: Route, message: MqttMessage) => void,
    private readonly log: Logger,
  ) {}

  /** Replaces the subscriptions of one device, keeping the ones that did not change. */
  async set(deviceId: string, subscriptions: { topic: string; role: string }[]): Promise<void> {
    const current = this.byDevice.get(deviceId) ?? new Map<string, Promise<Unsubscribe | undefined>>();
    const wanted = new Map(subscriptions.map((s) => [`${s.role}\u0000${s.topic}`, s]));
    const dropped: Promise<Unsubscribe | undefined>[] = [];
    for (const [key, sub] of current) {
      if (!wanted.has(key)) {
        current.delete(key);
        dropped.push(sub);
      }
    }
    const added: Promise<Unsubscribe | undefined>[] = [];
    for (const [key, s] of wanted) {
      if (current.has(key)) continue;
      const route: Route = { deviceId, role: s.role };
      const sub = this.transport
        .subscribe(s.topic, (message) => this.onMessage(route, message))
        .catch((err: unknown) => {
          this.log.error({ err, deviceId, topic: s.topic }, 'subscribe failed');
          current.delete(key);
          return undefined;
        });
      current.set(key, sub);
      added.push(sub);
    }
    if (current.size) this.byDevice.set(deviceId, current);
    else this.byDevice.delete(deviceId);
    await Promise.all([...dropped.map((p) => this.release(p)), ...added]);
  }

  async clear(): Promise<void> {
    const all = [...this.byDevice.values()].flatMap((m) => [...m.values()]);
    this.byDevice.clear();
    await Promise.all(all.map((p) => this.release(p)));
  }

  private async release(subscription: Promise<Unsubscribe | undefined>): Promise<void> {
    const unsubscribe = await subscription;
    await unsubscribe?.().catch((err: unknown) => this.log.warn({ err }, 'unsubscribe failed'));
  }
}
