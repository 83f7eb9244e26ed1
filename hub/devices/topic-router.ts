/**
 * One MQTT subscription per distinct topic, shared by every device that listens on it,
 * so adding, updating and removing devices only (un)subscribes what changed.
 */
import type { Logger } from '../core/logger.js';
import type { MessageHandler, MqttMessage, MqttTransport } from '../mqtt/transport.js';

export interface Route {
  deviceId: string;
  role: string;
}

export class TopicRouter {
  private readonly routes = new Map<string, Route[]>();
  private readonly unsubscribers = new Map<string, Promise<() => Promise<void>>>();

  constructor(
    private readonly transport: MqttTransport,
    private readonly onMessage: (route: Route, message: MqttMessage) => void,
    private readonly log: Logger,
  ) {}

  /** Replaces the routes of one device. */
  async set(deviceId: string, subscriptions: { topic: string; role: string }[]): Promise<void> {
    const touched = new Set<string>();
    for (const [topic, list] of this.routes) {
      const kept = list.filter((r) => r.deviceId !== deviceId);
      if (kept.length !== list.length) {
        touched.add(topic);
        this.routes.set(topic, kept);
      }
    }
    for (const s of subscriptions) {
      this.routes.set(s.topic, [...(this.routes.get(s.topic) ?? []), { deviceId, role: s.role }]);
      touched.add(s.topic);
    }
    await Promise.all([...touched].map((topic) => this.sync(topic)));
  }

  async clear(): Promise<void> {
    const pending = [...this.unsubscribers.values()];
    this.routes.clear();
    this.unsubscribers.clear();
    await Promise.all(pending.map(async (p) => (await p.catch(() => async () => {}))().catch(() => {})));
  }

  private async sync(topic: string): Promise<void> {
    const wanted = (this.routes.get(topic)?.length ?? 0) > 0;
    const current = this.unsubscribers.get(topic);
    if (wanted && !current) {
      const handler: MessageHandler = (message) => {
        for (const route of this.routes.get(topic) ?? []) this.onMessage(route, message);
      };
      const subscribed = this.transport.subscribe(topic, handler);
      this.unsubscribers.set(topic, subscribed);
      try {
        await subscribed;
      } catch (err) {
        this.unsubscribers.delete(topic);
        this.log.error({ err, topic }, 'subscribe failed');
        throw err;
      }
    } else if (!wanted) {
      this.routes.delete(topic);
      if (current) {
        this.unsubscribers.delete(topic);
        const unsubscribe = await current.catch(() => undefined);
        await unsubscribe?.().catch((err: unknown) => this.log.warn({ err, topic }, 'unsubscribe failed'));
      }
    }
  }
}
