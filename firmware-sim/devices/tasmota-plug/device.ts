import type { MqttClient } from 'mqtt';
import type { DeviceState } from '../../../hub/sdk/index.js';
import { realClock } from '../../core/clock.js';
import { DeviceModel } from '../../core/device-model.js';
import { FirmwareLink, checkDeviceId, type FirmwareOptions } from '../../core/firmware-link.js';
import { quietLogger, type SimLogger } from '../../core/logger.js';
import type { RunnableDevice } from '../../core/simulated-device.js';
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

/** `delay` defaults to 20-150 ms. */
export interface TasmotaPlugOptions extends FirmwareOptions {
  name: string;
  loadW?: number;
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
  private readonly link: FirmwareLink;
  private readonly log: SimLogger;
  private ignored = 0;

  constructor(private readonly options: TasmotaPlugOptions) {
    checkDeviceId(options.id);
    this.id = options.id;
    this.topics = plugTopics(options.id);
    const clock = options.clock ?? realClock;
    const random = options.random ?? Math.random;
    this.log = (options.log ?? quietLogger).child({ device: options.id });
    this.model = new DeviceModel(plugBehavior({ loadW: options.loadW ?? 450, kind: 'tasmota_plug' }), {
      clock,
      random,
      onState: (state) => this.publishState(state),
      onEvent: () => undefined,
    });
    this.link = new FirmwareLink({
      id: options.id,
      connection: options.connection,
      availability: { topic: this.topics.availability, offline: NOT_AVAILABLE },
      clock,
      random,
      delay: options.delay ?? { minMs: 20, maxMs: 150 },
      log: this.log,
      model: this.model,
      announce: (client) => this.announce(client),
      onMessage: (topic, payload) => {
        if (topic === this.topics.command) this.onCommand(payload.toString('utf8'));
      },
    });
  }

  get state(): DeviceState {
    return this.model.state;
  }

  /** Command payloads that were not ON, OFF or TOGGLE. */
  get ignoredCommands(): number {
    return this.ignored;
  }

  start(): Promise<void> {
    return this.link.start();
  }

  stop(): Promise<void> {
    return this.link.stop();
  }

  dropConnection(options: { stayOffline?: boolean } = {}): void {
    this.link.drop(options);
  }

  /** Removes the device from Home Assistant-style registries: an empty retained config. */
  async unpublishDiscovery(): Promise<void> {
    await this.link.client?.publishAsync(this.topics.discovery, '', { qos: 1, retain: true });
  }

  private async announce(client: MqttClient): Promise<void> {
    await client.subscribeAsync(this.topics.command, { qos: 1 });
    await client.publishAsync(this.topics.discovery, JSON.stringify(discoveryConfig(this.id, this.options.name)), {
      qos: 1,
      retain: true,
    });
    await client.publishAsync(this.topics.availability, AVAILABLE, { qos: 1, retain: true });
    this.publishState(this.model.state);
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
    this.link.afterResponseDelay(() => {
      const before = JSON.stringify(this.model.state);
      const result = this.model.execute(command, {});
      // Tasmota answers every command with its power state; a change was already published by the model.
      if (result.ok && JSON.stringify(result.state) === before) this.publishState(result.state);
    });
  }

  private publishState(state: DeviceState): void {
    const client = this.link.client;
    if (!client) return;
    const power = state.on === true ? PAYLOAD_ON : PAYLOAD_OFF;
    client.publish(this.topics.state, power, { qos: 1, retain: true });
    const telemetry = { ENERGY: { Power: state.power_w, Total: state.energy_kwh } };
    client.publish(this.topics.telemetry, JSON.stringify(telemetry), { qos: 1 });
  }
}
