import { EventEmitter } from 'node:events';
import type { MqttClient } from 'mqtt';
import {
  HubError,
  commandPayloadSchema,
  topics,
  type AckPayload,
  type CommandPayload,
  type DeviceState,
  type EventPayload,
} from '../../hub/sdk/index.js';
import type { AnyBehavior, SimState } from './behavior.js';
import { realClock } from './clock.js';
import { DeviceModel, type ExecuteResult } from './device-model.js';
import { FirmwareLink, checkDeviceId, type FirmwareOptions } from './firmware-link.js';
import { quietLogger, type SimLogger } from './logger.js';
import { malformedPayload, type MalformedKind } from './malformed.js';

export type AckFault = 'normal' | 'slow' | 'missing';

/** `delay` defaults to 20-200 ms. */
export interface SimulatedDeviceOptions extends FirmwareOptions {
  behavior: AnyBehavior;
  initialState?: SimState;
}

export interface SimDeviceEvents {
  online: [];
  offline: [];
  command: [CommandPayload];
  ack: [AckPayload];
  state: [DeviceState];
  event: [EventPayload];
  /** A `set` payload that could not even be correlated (not JSON, no id): logged and dropped. */
  rejected: [{ reason: string }];
}

/** What every runnable simulator offers the household runner and the CLI. */
export interface RunnableDevice {
  readonly id: string;
  readonly kind: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Drops the TCP connection without DISCONNECT, so the broker publishes the last will. */
  dropConnection(options?: { stayOffline?: boolean }): void;
}

/**
 * A simulated native Hearth device: an MQTT client with its own credentials and a last will,
 * speaking hub/sdk/protocol.ts. Behavior (what the firmware does) comes from a DeviceModel.
 */
export class SimulatedDevice extends EventEmitter<SimDeviceEvents> implements RunnableDevice {
  readonly id: string;
  readonly kind: string;
  readonly model: DeviceModel;
  private readonly link: FirmwareLink;
  private readonly random: () => number;
  private readonly log: SimLogger;
  private ackFault: AckFault = 'normal';
  private slowAckMs = 0;
  private rejectedCount = 0;

  constructor(options: SimulatedDeviceOptions) {
    super();
    checkDeviceId(options.id);
    this.id = options.id;
    this.kind = options.behavior.kind;
    const clock = options.clock ?? realClock;
    this.random = options.random ?? Math.random;
    this.log = (options.log ?? quietLogger).child({ device: options.id });
    this.model = new DeviceModel(options.behavior, {
      clock,
      random: this.random,
      ...(options.initialState ? { initialState: options.initialState } : {}),
      onState: (state) => this.publishState(state),
      onEvent: (event) => this.publishEvent(event),
    });
    this.link = new FirmwareLink({
      id: options.id,
      connection: options.connection,
      availability: { topic: topics.availability(options.id), offline: 'offline' },
      clock,
      random: this.random,
      delay: options.delay ?? { minMs: 20, maxMs: 200 },
      log: this.log,
      model: this.model,
      announce: (client) => this.announce(client),
      onMessage: (topic, payload) => this.onMessage(topic, payload),
      onClose: () => this.emit('offline'),
    });
  }

  get connected(): boolean {
    return this.link.client?.connected ?? false;
  }

  get state(): DeviceState {
    return this.model.state;
  }

  /** Payloads on `set` that were dropped because they could not be answered. */
  get rejectedCommands(): number {
    return this.rejectedCount;
  }

  start(): Promise<void> {
    return this.link.start();
  }

  stop(): Promise<void> {
    return this.link.stop();
  }

  dropConnection(options: { stayOffline?: boolean } = {}): void {
    if (!this.link.client) return;
    this.log.info('fault: dropping the connection');
    this.link.drop(options);
  }

  /** Reconnects after `dropConnection({stayOffline: true})`. */
  reconnect(): void {
    this.link.client?.reconnect();
  }

  setAckFault(fault: AckFault, slowAckMs = 0): void {
    this.ackFault = fault;
    this.slowAckMs = slowAckMs;
  }

  async publishMalformed(kind: MalformedKind, on: 'state' | 'ack' | 'event' | 'availability' = 'state'): Promise<void> {
    await this.requireClient().publishAsync(topics[on](this.id), malformedPayload(kind, this.random), { qos: 1 });
  }

  /** A person acting on the device (pressing it, refilling it). */
  perform(action: string, params?: Record<string, unknown>): ExecuteResult {
    return this.model.perform(action, params);
  }

  private async announce(client: MqttClient): Promise<void> {
    // The order docs/mqtt.md gives: online, full state, then the command subscription.
    await client.publishAsync(topics.availability(this.id), 'online', { qos: 1, retain: true });
    await client.publishAsync(topics.state(this.id), JSON.stringify(this.model.state), { qos: 1, retain: true });
    await client.subscribeAsync(topics.set(this.id), { qos: 1 });
    this.emit('online');
  }

  private onMessage(topic: string, payload: Buffer): void {
    if (topic !== topics.set(this.id)) return;
    let json: unknown;
    try {
      json = JSON.parse(payload.toString('utf8'));
    } catch {
      return this.reject('set payload is not JSON');
    }
    const parsed = commandPayloadSchema.safeParse(json);
    if (!parsed.success) {
      const id = (json as { id?: unknown } | null)?.id;
      const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'payload'}: ${i.message}`).join('; ');
      if (typeof id === 'string' && id.length > 0 && id.length <= 64) {
        return this.sendAck({
          id,
          status: 'error',
          error: { code: 'VALIDATION_FAILED', message: `invalid command: ${problems}` },
        });
      }
      return this.reject(`set payload has no usable id: ${problems}`);
    }
    const command = parsed.data;
    this.emit('command', command);
    this.link.afterResponseDelay(() => this.carryOut(command));
  }

  private carryOut(command: CommandPayload): void {
    const result = this.model.execute(command.command, command.params);
    const ack: AckPayload = result.ok
      ? { id: command.id, status: 'ok', state: result.state }
      : { id: command.id, status: 'error', error: result.error };
    if (this.ackFault === 'missing') return this.log.info({ id: command.id }, 'fault: acknowledgement withheld');
    if (this.ackFault === 'slow') return this.link.later(this.slowAckMs, () => this.sendAck(ack));
    this.sendAck(ack);
  }

  private reject(reason: string): void {
    this.rejectedCount++;
    this.log.warn({ reason }, 'dropped a command payload');
    this.emit('rejected', { reason });
  }

  private sendAck(ack: AckPayload): void {
    this.publish(topics.ack(this.id), JSON.stringify(ack), false);
    this.emit('ack', ack);
  }

  private publishState(state: DeviceState): void {
    this.publish(topics.state(this.id), JSON.stringify(state), true);
    this.emit('state', state);
  }

  private publishEvent(event: EventPayload): void {
    this.publish(topics.event(this.id), JSON.stringify(event), false);
    this.emit('event', event);
  }

  private publish(topic: string, payload: string, retain: boolean): void {
    // mqtt.js queues while reconnecting, like firmware that buffers until the link is back.
    this.link.client?.publish(topic, payload, { qos: 1, retain }, (err) => {
      if (err) this.log.warn({ topic, err: err.message }, 'publish failed');
    });
  }

  private requireClient(): MqttClient {
    const client = this.link.client;
    if (!client)
      throw new HubError('DEVICE_UNAVAILABLE', `simulated device "${this.id}" is not started; call start() first`);
    return client;
  }
}
