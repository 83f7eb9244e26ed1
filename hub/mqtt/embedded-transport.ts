import type { Aedes, AedesPublishPacket } from 'aedes';
import type { Logger } from '../core/logger.js';
import { HubError } from '../sdk/errors.js';
import type { MessageHandler, MqttTransport, PublishOptions } from './transport.js';
import { isValidTopicFilter, isValidTopicName, parseSharedFilter, topicMatches } from './topic-filter.js';

/** What the embedded transport needs from the broker: the running aedes instance and its retained store. */
export interface AedesHost {
  aedesInstance(): Aedes;
  retainedMessages(filter: string): AsyncIterable<{ topic: string; payload: Buffer }>;
}

type Deliver = (packet: AedesPublishPacket, done: () => void) => void;

/**
 * The hub's own client on the embedded broker: no socket and no ACL (the hub is trusted). Like a real
 * subscriber it receives matching retained messages when it subscribes (§3.3.1.3), and live messages with
 * retain=false, so code above behaves the same as with ExternalTransport.
 */
export class EmbeddedTransport implements MqttTransport {
  private readonly active = new Set<() => Promise<void>>();

  constructor(
    private readonly host: AedesHost,
    private readonly log: Logger,
  ) {}

  async start(): Promise<void> {
    this.host.aedesInstance();
  }

  async stop(): Promise<void> {
    await Promise.all([...this.active].map((unsubscribe) => unsubscribe()));
  }

  publish(topic: string, payload: string | Buffer, options: PublishOptions = {}): Promise<void> {
    if (!isValidTopicName(topic)) {
      return Promise.reject(new HubError('VALIDATION_FAILED', `Cannot publish to "${topic}": a topic name must be non-empty without "+" or "#".`));
    }
    const packet = {
      cmd: 'publish' as const,
      topic,
      payload: typeof payload === 'string' ? Buffer.from(payload) : payload,
      qos: options.qos ?? 0,
      retain: options.retain ?? false,
      dup: false,
    };
    return new Promise((resolve, reject) => {
      this.host.aedesInstance().publish(packet, (err) => (err ? reject(err) : resolve()));
    });
  }

  async subscribe(filter: string, handler: MessageHandler): Promise<() => Promise<void>> {
    const inner = parseSharedFilter(filter).filter;
    if (!isValidTopicFilter(inner)) {
      throw new HubError('VALIDATION_FAILED', `Cannot subscribe to "${filter}": not a valid MQTT topic filter.`);
    }
    const aedes = this.host.aedesInstance();
    const safeHandle = (packet: { topic: string; payload: Buffer | string; clientId?: string }, retain: boolean) => {
      try {
        // aedes hands every subscriber the same packet; the hub only reads payloads, so no copy per message.
        const payload = Buffer.isBuffer(packet.payload) ? packet.payload : Buffer.from(packet.payload);
        const message = { topic: packet.topic, payload, retain };
        handler(packet.clientId ? { ...message, clientId: packet.clientId } : message);
      } catch (err) {
        this.log.error({ err, topic: packet.topic }, 'MQTT message handler failed');
      }
    };
    // aedes' matcher already compared a filter without wildcards exactly; only wildcard filters need the MQTT
    // rules re-applied (e.g. "#" must not match "$" topics, §4.7.2).
    const exact = !inner.includes('+') && !inner.includes('#');
    const deliver: Deliver = (packet, done) => {
      if (exact || topicMatches(inner, packet.topic)) safeHandle(packet, false);
      done();
    };
    await new Promise<void>((resolve) => aedes.subscribe(inner, deliver, resolve));
    for await (const packet of this.host.retainedMessages(inner)) {
      if (topicMatches(inner, packet.topic)) safeHandle(packet, true);
    }
    const unsubscribe = async () => {
      if (!this.active.delete(unsubscribe)) return;
      await new Promise<void>((resolve) => aedes.unsubscribe(inner, deliver, resolve));
    };
    this.active.add(unsubscribe);
    return unsubscribe;
  }
}
