import type { MqttClient } from 'mqtt';
import { DEVICE_ID_PATTERN, HubError } from '../../hub/sdk/index.js';
import type { SimClock, SimTimer } from './clock.js';
import { openConnection, type ConnectionOptions } from './connection.js';
import type { SimLogger } from './logger.js';

export interface ResponseDelay {
  minMs: number;
  maxMs: number;
}

/** What every simulated firmware is started with. */
export interface FirmwareOptions {
  id: string;
  connection: ConnectionOptions;
  clock?: SimClock;
  random?: () => number;
  /** How long the firmware takes to carry out a command. */
  delay?: ResponseDelay;
  log?: SimLogger;
}

/** Refuses an id the hub would refuse, before anything connects. */
export function checkDeviceId(id: string): void {
  if (!DEVICE_ID_PATTERN.test(id)) {
    throw new HubError('VALIDATION_FAILED', `device id "${id}" is invalid: use lowercase letters, digits, "-" or "_"`);
  }
}

export interface FirmwareLinkOptions {
  id: string;
  connection: ConnectionOptions;
  /** Where the device says whether it is there, and what it says while away (its last will, and on stop). */
  availability: { topic: string; offline: string };
  clock: SimClock;
  random: () => number;
  /** How long the firmware takes to carry out a command. */
  delay: ResponseDelay;
  log: SimLogger;
  /** What the device runs while connected (its model's timers). */
  model: { start(): void; stop(): void };
  /** Says what the device is, on the first connect and every reconnect. */
  announce(client: MqttClient): Promise<void>;
  onMessage(topic: string, payload: Buffer): void;
  onClose?(): void;
}

/**
 * What every simulated firmware does with its MQTT link, whatever protocol it speaks: connects with a retained
 * last will, announces itself on each (re)connect, carries out commands after a delay, and says it is offline on stop.
 */
export class FirmwareLink {
  private current: MqttClient | undefined;
  private readonly pending = new Set<SimTimer>();

  constructor(private readonly options: FirmwareLinkOptions) {}

  get client(): MqttClient | undefined {
    return this.current;
  }

  async start(): Promise<void> {
    if (this.current) return;
    const { connection, availability, log } = this.options;
    const client = await openConnection(
      { clientId: connection.username ?? this.options.id, ...connection },
      { topic: availability.topic, payload: availability.offline },
    );
    this.current = client;
    client.on('connect', () => void this.announce());
    if (this.options.onClose) client.on('close', this.options.onClose);
    client.on('error', (err) => log.warn({ err: err.message }, 'mqtt error'));
    client.on('message', (topic, payload) => this.options.onMessage(topic, payload));
    this.options.model.start();
    await this.announce();
  }

  async stop(): Promise<void> {
    this.options.model.stop();
    for (const timer of this.pending) this.options.clock.clearTimeout(timer);
    this.pending.clear();
    const client = this.current;
    this.current = undefined;
    if (!client) return;
    if (client.connected) {
      const { topic, offline } = this.options.availability;
      await client.publishAsync(topic, offline, { qos: 1, retain: true }).catch(() => undefined);
      await client.endAsync();
    } else {
      await client.endAsync(true);
    }
  }

  /** Drops the TCP connection without DISCONNECT (the broker publishes the last will), or ends it for good. */
  drop(options: { stayOffline?: boolean } = {}): void {
    const client = this.current;
    if (!client) return;
    if (options.stayOffline) client.end(true);
    else client.stream.destroy();
  }

  /** Runs `fn` after the firmware's response delay (a random time within `delay`). */
  afterResponseDelay(fn: () => void): void {
    const { minMs, maxMs } = this.options.delay;
    this.later(minMs + this.options.random() * (maxMs - minMs), fn);
  }

  /** Runs `fn` after `ms`, unless the device stops first. */
  later(ms: number, fn: () => void): void {
    const timer = this.options.clock.setTimeout(() => {
      this.pending.delete(timer);
      fn();
    }, ms);
    this.pending.add(timer);
  }

  private async announce(): Promise<void> {
    const client = this.current;
    if (!client) return;
    try {
      await this.options.announce(client);
    } catch (err) {
      this.options.log.warn({ err: (err as Error).message }, 'could not announce after connecting');
    }
  }
}
