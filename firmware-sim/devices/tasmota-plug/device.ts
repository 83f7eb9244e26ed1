import type { MqttClient } from 'mqtt';
import { DEVICE_ID_PATTERN, HubError, type DeviceState } from '../../../hub/sdk/index.js';
import { realClock, type SimClock, type SimTimer } from '../../core/clock.js';
import { openConnection, type ConnectionOptions } from '../../core/connection.js';
import { DeviceModel } from '../../core/device-model.js';
import { quietLogger, type SimLogger } from '../../core/logger.js';
import type { ResponseDelay, RunnableDevice } from '../../core/simulated-device.js';
import { plugBehavior } from '../../../device-types/switch/simulator.js';
import {
  AVAILABLE,
  NOT_AVAILABLE,
  PAYLOAD_OFF,
  PAYLOAD_ON,
  discoveryConfig,
  plugTopics,
  type PlugTopics,
} from './discovery.js';

export interface TasmotaPlugOptions {
  id: string;
  name: string;
  connection: ConnectionOptions;
  loadW?: number;
  clock?: SimClock;
  random?: () => number;
  delay?: ResponseDelay;
  log?: SimLogger;
}

/**
 * A plug that does not speak Hearth's protocol: it announces itself with Home Assistant discovery
 * and takes plain ON/OFF/TOGGLE on its own command topic, like Tasmota firmware.
 */
export class TasmotaPlug implements RunnableDevice {
  readonly id: string;
  readonly kind = 'tasmota_plug';
  readonly topics: PlugTopics;
  private readonly model: DeviceModel;
  private client: MqttClient | undefined;
  private readonly clock: SimClock;
  private readonly random: () => number;
  private readonly delay: ResponseDelay;
  private readonly log: SimLogger;
  private readonly pending = new Set<SimTimer>();
  private ignored = 0;

  constructor(private readonly options: TasmotaPlugOptions) {
    if (!DEVICE_ID_PATTERN.test(options.id)) {
      throw new HubError(
        'VALIDATION_FAILED',
        `device id "${options.id}" is invalid: use lowercase letters, digits, "-" or "_"`,
      );
    }
    this.id = options.id;
    this.topics = plugTopics(options.id);
    this.clock = options.clock ?? realClock;
    this.random = options.random ?? Math.random;
    this.delay = options.delay ?? { minMs: 20, maxMs: 150 };
    this.log = (options.log ?? quietLogger).child({ device: options.id });
    this.model = new DeviceModel(plugBehavior({ loadW: options.loadW ?? 450, kind: 'tasmota_plug' }), {
      clock: this.clock,
      random: this.random,
      onState: (state) => this.publishState(state),
      onEvent: () => undefined,
    });
  }

  get state(): DeviceState {
    return this.model.state;
  }

  /** Command payloads that were not ON, OFF or TOGGLE. */
  get ignoredCommands(): number {
    return this.ignored;
  }

  async start(): Promise<void> {
    if (this.client) return;
    const client = await openConnection(
      { clientId: this.options.connection.username ?? this.id, ...this.options.connection },
      { topic: this.topics.availability, payload: NOT_AVAILABLE },
    );
    this.client = client;
    client.on('connect', () => void this.announce());
    client.on('error', (err) => this.log.warn({ err: err.message }, 'mqtt error'));
    client.on('message', (topic, payload) => {
      if (topic === this.topics.command) this.onCommand(payload.toString('utf8'));
    });
    this.model.start();
    await this.announce();
  }

  async stop(): Promise<void> {
    this.model.stop();
    for (const timer of this.pending) this.clock.clearTimeout(timer);
    this.pending.clear();
    const client = this.client;
    this.client = undefined;
    if (!client) return;
    if (client.connected) {
      await client
        .publishAsync(this.topics.availability, NOT_AVAILABLE, { qos: 1, retain: true })
        .catch(() => undefined);
      await client.endAsync();
    } else {
      await client.endAsync(true);
    }
  }

  dropConnection(options: { stayOffline?: boolean } = {}): void {
    if (!this.client) return;
    if (options.stayOffline) this.client.end(true);
    else this.client.stream.destroy();
  }

  /** Removes the device from Home Assistant-style registries: an empty retained config. */
  async unpublishDiscovery(): Promise<void> {
    await this.client?.publishAsync(this.topics.discovery, '', { qos: 1, retain: true });
  }

  private async announce(): Promise<void> {
    const client = this.client;
    if (!client) return;
    try {
      await client.subscribeAsync(this.topics.command, { qos: 1 });
      await client.publishAsync(this.topics.discovery, JSON.stringify(discoveryConfig(this.id, this.options.name)), {
        qos: 1,
        retain: true,
      });
      await client.publishAsync(this.topics.availability, AVAILABLE, { qos: 1, retain: true });
      this.publishState(this.model.state);
    } catch (err) {
      this.log.warn({ err: (err as Error).message }, 'could not announce after connecting');
    }
  }

  private onCommand(text: string): void {
    const word = text.trim().toUpperCase();
    const command =
      word === PAYLOAD_ON ? 'turn_on' : word === PAYLOAD_OFF ? 'turn_off' : word === 'TOGGLE' ? 'toggle' : undefined;
    if (!command) {
      this.ignored++;
      this.log.warn({ payload: text.slice(0, 64) }, 'ignored a command that is not ON, OFF or TOGGLE');
      return;
    }
    const ms = this.delay.minMs + this.random() * (this.delay.maxMs - this.delay.minMs);
    const timer = this.clock.setTimeout(() => {
      this.pending.delete(timer);
      const before = JSON.stringify(this.model.state);
      const result = this.model.execute(command, {});
      // Tasmota answers every command with its power state; a change was already published by the model.
      if (result.ok && JSON.stringify(result.state) === before) this.publishState(result.state);
    }, ms);
    this.pending.add(timer);
  }

  private publishState(state: DeviceState): void {
    const client = this.client;
    if (!client) return;
    const power = state.on === true ? PAYLOAD_ON : PAYLOAD_OFF;
    client.publish(this.topics.state, power, { qos: 1, retain: true });
    const telemetry = { ENERGY: { Power: state.power_w, Total: state.energy_kwh } };
    client.publish(this.topics.telemetry, JSON.stringify(telemetry), { qos: 1 });
  }
}
