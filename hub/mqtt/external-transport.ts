import { randomBytes } from 'node:crypto';
import mqtt, { type MqttClient } from 'mqtt';
import { z } from 'zod';
import type { Logger } from '../core/logger.js';
import { HubError } from '../sdk/errors.js';
import type { MessageHandler, MqttTransport, PublishOptions } from './transport.js';
import { isValidTopicFilter, isValidTopicName, parseSharedFilter, topicMatches } from './topic-filter.js';

const optionsSchema = z.strictObject({
  /** mqtt://user:pass@host:1883, mqtts://… or ws://… */
  url: z.string().url(),
  /** 4 = MQTT 3.1.1 (default), 5 = MQTT 5. */
  protocolVersion: z.union([z.literal(4), z.literal(5)]).default(4),
  clientId: z.string().min(1).max(128).optional(),
  reconnectPeriodMs: z.number().int().min(100).max(60_000).default(1000),
  connectTimeoutMs: z.number().int().min(100).max(120_000).default(10_000),
});
export type ExternalTransportOptions = z.input<typeof optionsSchema> & { log: Logger };

interface Registration {
  inner: string;
  handler: MessageHandler;
}

/**
 * The hub on an external broker (Mosquitto, EMQX) through mqtt.js. mqtt.js reconnects and resubscribes;
 * handlers are matched on the inner filter, so `$share/<group>/<filter>` subscriptions work the same.
 */
export class ExternalTransport implements MqttTransport {
  private readonly options: z.output<typeof optionsSchema>;
  private readonly log: Logger;
  private client: MqttClient | undefined;
  private readonly registrations = new Map<string, Set<Registration>>();

  constructor({ log, ...options }: ExternalTransportOptions) {
    const parsed = optionsSchema.safeParse(options);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `mqtt.${i.path.join('.')}: ${i.message}`).join('; ');
      throw new HubError('CONFIG_INVALID', `Invalid external MQTT broker settings: ${problems}.`);
    }
    this.options = parsed.data;
    this.log = log.child({ module: 'mqtt-external' });
  }

  async start(): Promise<void> {
    if (this.client) return;
    const { url, protocolVersion, reconnectPeriodMs, connectTimeoutMs } = this.options;
    const client = mqtt.connect(url, {
      protocolVersion,
      clientId: this.options.clientId ?? `hearth-hub-${randomBytes(4).toString('hex')}`,
      clean: true,
      reconnectPeriod: reconnectPeriodMs,
      connectTimeout: connectTimeoutMs,
      resubscribe: true,
    });
    this.client = client;
    client.on('message', (topic, payload, packet) => this.dispatch(topic, payload, packet.retain));
    client.on('reconnect', () => this.log.info({ url: redact(url) }, 'reconnecting to the MQTT broker'));
    client.on('offline', () => this.log.warn({ url: redact(url) }, 'MQTT broker connection lost'));
    client.on('error', (err) => this.log.warn({ err: err.message }, 'MQTT client error'));
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('timed out')), connectTimeoutMs);
        client.once('connect', () => {
          clearTimeout(timer);
          resolve();
        });
        client.once('error', (err) => {
          clearTimeout(timer);
          reject(err);
        });
      });
    } catch (err) {
      this.client = undefined;
      await client.endAsync(true);
      throw new HubError(
        'INTERNAL',
        `Cannot connect to the MQTT broker at ${redact(url)} (${(err as Error).message}). Check mqtt.url and that the broker is running.`,
      );
    }
    client.on('connect', () => this.log.info({ url: redact(url) }, 'connected to the MQTT broker'));
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.registrations.clear();
    if (client) await client.endAsync();
  }

  async publish(topic: string, payload: string | Buffer, options: PublishOptions = {}): Promise<void> {
    if (!isValidTopicName(topic)) {
      throw new HubError(
        'VALIDATION_FAILED',
        `Cannot publish to "${topic}": a topic name must be non-empty without "+" or "#".`,
      );
    }
    await this.connected().publishAsync(topic, payload, { qos: options.qos ?? 0, retain: options.retain ?? false });
  }

  async subscribe(filter: string, handler: MessageHandler): Promise<() => Promise<void>> {
    const inner = parseSharedFilter(filter).filter;
    if (!isValidTopicFilter(inner)) {
      throw new HubError('VALIDATION_FAILED', `Cannot subscribe to "${filter}": not a valid MQTT topic filter.`);
    }
    const client = this.connected();
    const registration: Registration = { inner, handler };
    let set = this.registrations.get(filter);
    const first = !set;
    if (!set) {
      set = new Set();
      this.registrations.set(filter, set);
    }
    // Registered before SUBACK: the broker sends retained messages right behind it, and mqtt.js emits them
    // before the awaiting code below runs again, so a handler added after the await would miss them.
    set.add(registration);
    if (first) {
      const granted = await client.subscribeAsync(filter, { qos: 1 });
      if (granted.some((g) => g.qos === 128)) {
        this.registrations.delete(filter);
        throw new HubError(
          'FORBIDDEN',
          `The MQTT broker refused the subscription to "${filter}". Check the hub user's ACL on the broker.`,
        );
      }
    }
    return async () => {
      const current = this.registrations.get(filter);
      if (!current?.delete(registration) || current.size > 0) return;
      this.registrations.delete(filter);
      if (this.client) await this.client.unsubscribeAsync(filter);
    };
  }

  private dispatch(topic: string, payload: Buffer, retain: boolean): void {
    for (const set of this.registrations.values()) {
      for (const { inner, handler } of set) {
        if (!topicMatches(inner, topic)) continue;
        try {
          handler({ topic, payload, retain });
        } catch (err) {
          this.log.error({ err, topic }, 'MQTT message handler failed');
        }
      }
    }
  }

  private connected(): MqttClient {
    if (!this.client) throw new HubError('INTERNAL', 'The external MQTT transport is not started: call start() first.');
    return this.client;
  }
}

function redact(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}
