import type { Aedes, AedesPublishPacket } from 'aedes';
import type { Logger } from '../core/logger.js';
import { HubError } from '../sdk/errors.js';
import type { MessageHandler, MqttMessage, MqttTransport, PublishOptions } from './transport.js';
import { isValidTopicFilter, isValidTopicName, parseSharedFilter, topicMatches } from './topic-filter.js';

/** What the embedded transport needs from the broker: the running aedes instance and its retained store. */
export interface AedesHost {
  aedesInstance(): Aedes;
  retainedMessages(filter: string): AsyncIterable<{ topic: string; payload: Buffer }>;
}

type Deliver = (packet: AedesPublishPacket, done: () => void) => void;
type Packet = { topic: string; payload: Buffer | string; clientId?: string };
/** One subscription of an exact topic (an object, so the same handler subscribed twice counts twice). */
interface ExactSubscription {
  handler: MessageHandler;
}

/** aedes' wildcard for "every topic"; `$` topics also reach it, but no exact subscription can name one. */
const ALL_TOPICS = '#';

/**
 * The hub's own client on the embedded broker: no socket and no ACL (the hub is trusted). Like a real
 * subscriber it receives matching retained messages when it subscribes (§3.3.1.3), and live messages with
 * retain=false, so code above behaves the same as with ExternalTransport.
 *
 * The registry subscribes four exact topics per device. Rather than thousands of aedes subscriptions, each
 * matched per message, exact topics share one aedes subscription and are routed by a map lookup; wildcard
 * filters keep their own aedes subscription.
 */
export class EmbeddedTransport implements MqttTransport {
  private readonly active = new Set<() => Promise<void>>();
  /** Exact topic → its subscriptions; arrays replaced (not changed) on subscribe/unsubscribe, so delivery is a plain loop. */
  private readonly exact = new Map<string, readonly ExactSubscription[]>();
  private exactRoute: Promise<() => Promise<void>> | undefined;

  constructor(
    private readonly host: AedesHost,
    private readonly log: Logger,
  ) {}

  async start(): Promise<void> {
    this.host.aedesInstance();
  }

  async stop(): Promise<void> {
    await Promise.all([...this.active].map((unsubscribe) => unsubscribe()));
    const route = this.exactRoute;
    this.exactRoute = undefined;
    this.exact.clear();
    if (route) await (await route)();
  }

  publish(topic: string, payload: string | Buffer, options: PublishOptions = {}): Promise<void> {
    if (!isValidTopicName(topic)) {
      return Promise.reject(
        new HubError(
          'VALIDATION_FAILED',
          `Cannot publish to "${topic}": a topic name must be non-empty without "+" or "#".`,
        ),
      );
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
    const isExact = !inner.includes('+') && !inner.includes('#');
    let release: () => Promise<void>;
    if (isExact) {
      this.exactRoute ??= this.subscribeAedes(aedes, ALL_TOPICS, (packet, done) => {
        const subscriptions = this.exact.get(packet.topic);
        if (subscriptions) {
          const message = toMessage(packet, false);
          for (let i = 0; i < subscriptions.length; i++) this.handle(subscriptions[i]!.handler, message);
        }
        done();
      });
      await this.exactRoute;
      const subscription: ExactSubscription = { handler };
      this.exact.set(inner, [...(this.exact.get(inner) ?? []), subscription]);
      release = async () => {
        const rest = (this.exact.get(inner) ?? []).filter((s) => s !== subscription);
        if (rest.length > 0) this.exact.set(inner, rest);
        else this.exact.delete(inner);
      };
    } else {
      release = await this.subscribeAedes(aedes, inner, (packet, done) => {
        // aedes' matcher is looser than MQTT (e.g. "#" must not match "$" topics, §4.7.2): re-check.
        if (topicMatches(inner, packet.topic)) this.handle(handler, toMessage(packet, false));
        done();
      });
    }
    for await (const packet of this.host.retainedMessages(inner)) {
      if (topicMatches(inner, packet.topic)) this.handle(handler, toMessage(packet, true));
    }
    const unsubscribe = async () => {
      if (!this.active.delete(unsubscribe)) return;
      await release();
    };
    this.active.add(unsubscribe);
    return unsubscribe;
  }

  private async subscribeAedes(aedes: Aedes, filter: string, deliver: Deliver): Promise<() => Promise<void>> {
    await new Promise<void>((resolve) => aedes.subscribe(filter, deliver, resolve));
    return () => new Promise<void>((resolve) => aedes.unsubscribe(filter, deliver, resolve));
  }

  private handle(handler: MessageHandler, message: MqttMessage): void {
    try {
      handler(message);
    } catch (err) {
      this.log.error({ err, topic: message.topic }, 'MQTT message handler failed');
    }
  }
}

/** aedes hands every subscriber the same packet; the hub only reads payloads, so no copy per message. */
function toMessage(packet: Packet, retain: boolean): MqttMessage {
  const payload = Buffer.isBuffer(packet.payload) ? packet.payload : Buffer.from(packet.payload);
  return packet.clientId
    ? { topic: packet.topic, payload, retain, clientId: packet.clientId }
    : { topic: packet.topic, payload, retain };
}
