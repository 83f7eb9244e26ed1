import type { Clock } from '../core/clock.js';
import type { EventBus } from '../core/event-bus.js';
import type { HubEvents } from '../core/events.js';
import type { Logger } from '../core/logger.js';
import type { MqttTransport } from '../mqtt/transport.js';
import { applyMigrations, type Db } from '../store/database.js';
import { describeUnavailable, HubError, type Device, type DeviceCommand, type DriverDefinition } from '../sdk/index.js';
import type { SeedDevice } from './seed-types.js';
import type { CommandOptions, CommandResult, DeviceFilter, DeviceInput, DeviceService } from './contracts.js';
import { DeviceStore } from './device-store.js';
import { deviceMigrations } from './migrations.js';
import { PendingCommands } from './pending-commands.js';
import { TopicRouter } from './topic-router.js';
import { deviceInputSchema, devicePatchSchema, validate } from './validation.js';
import { DiscoveryIngest } from './discovery-ingest.js';
import { dispatchCommand, type DispatchContext } from './command-dispatch.js';
import { DeviceInputs } from './device-inputs.js';
import { DEFAULT_STATE_LIMITS, type StateLimits } from './state-limits.js';
import { checkDriverConfig, dropStoredDriverConfig } from './driver-config-limits.js';

export interface DeviceRegistryDeps {
  db: Db;
  bus: EventBus<HubEvents>;
  log: Logger;
  clock: Clock;
  transport: MqttTransport;
  drivers: readonly DriverDefinition[];
  /** Default time to wait for an acknowledgement (config mqtt.commandTimeoutMs). */
  commandTimeoutMs?: number;
  /** Larger device payloads are rejected before parsing (config mqtt.maxPayloadBytes). */
  maxPayloadBytes?: number;
  /** Home Assistant discovery prefix to ingest (default `homeassistant`); false turns discovery off. */
  discoveryPrefix?: string | false;
  /** Depth, keys and size one device's state may reach (config `deviceState`, state-limits.ts). */
  stateLimits?: StateLimits;
  /** The broker's ACL for what a discovery config may name (DiscoveryIngestDeps.announcedTopicsProblem). */
  announcedTopicsProblem?: (ownerId: string, topics: string[]) => string | undefined;
}

export const DEFAULT_DRIVER = 'hearth';

/**
 * The device registry: devices in SQLite with a live in-memory copy, their MQTT subscriptions
 * through each device's driver, state/availability/events from devices, and command dispatch.
 */
export class DeviceRegistry implements DeviceService {
  private readonly devices = new Map<string, Device>();
  private readonly store: DeviceStore;
  private readonly pending: PendingCommands;
  private readonly router: TopicRouter;
  private readonly log: Logger;
  private readonly limits: StateLimits;
  private started = false;
  private readonly inputs: DeviceInputs;
  private readonly dispatch: DispatchContext;
  private discovery: DiscoveryIngest | undefined;
  private readonly driverCache = new WeakMap<Device, DriverDefinition | null>();
  /** Subscriptions still being made for added or changed devices (see `listening`). */
  private readonly subscribing = new Map<string, Promise<void>>();

  constructor(private readonly deps: DeviceRegistryDeps) {
    this.log = deps.log.child({ module: 'devices' });
    this.limits = deps.stateLimits ?? DEFAULT_STATE_LIMITS;
    this.store = new DeviceStore(deps.db);
    this.pending = new PendingCommands(deps.clock);
    this.inputs = new DeviceInputs({
      devices: this.devices,
      driverFor: (device) => this.driverFor(device),
      pending: this.pending,
      db: deps.db,
      store: this.store,
      bus: deps.bus,
      clock: deps.clock,
      log: this.log,
      ...(deps.maxPayloadBytes !== undefined ? { maxPayloadBytes: deps.maxPayloadBytes } : {}),
      ...(deps.stateLimits ? { stateLimits: deps.stateLimits } : {}),
    });
    this.dispatch = {
      pending: this.pending,
      transport: deps.transport,
      bus: deps.bus,
      clock: deps.clock,
      applyState: (id, patch) => {
        const problem = this.inputs.applyState(id, patch);
        if (problem) this.log.warn({ deviceId: id, reason: problem }, 'optimistic state of a command not applied');
      },
      currentState: (id) => ({ ...(this.devices.get(id)?.state ?? {}) }),
    };
    this.router = new TopicRouter(deps.transport, (route, message) => this.inputs.receive(route, message), this.log);
  }

  async start(): Promise<void> {
    applyMigrations(this.deps.db, 'devices', deviceMigrations);
    for (const device of this.store.all()) {
      const dropped = dropStoredDriverConfig(device, this.limits);
      if (dropped) {
        this.log.warn(
          { deviceId: device.id, reason: dropped },
          'stored driver config is over the limits; dropped until the device announces itself again',
        );
        this.store.upsert(device, this.nowIso());
      }
      this.inputs.admitStored(device);
      this.devices.set(device.id, device);
    }
    this.started = true;
    for (const device of this.devices.values()) await this.subscribe(device);
    if (this.deps.discoveryPrefix !== false) {
      this.discovery = new DiscoveryIngest({
        registry: this,
        transport: this.deps.transport,
        bus: this.deps.bus,
        log: this.deps.log,
        ...(this.deps.discoveryPrefix ? { prefix: this.deps.discoveryPrefix } : {}),
        ...(this.deps.announcedTopicsProblem ? { announcedTopicsProblem: this.deps.announcedTopicsProblem } : {}),
      });
      await this.discovery.start();
    }
  }

  async stop(): Promise<void> {
    this.started = false;
    await this.discovery?.stop();
    this.discovery = undefined;
    this.pending.rejectAll(
      () => new HubError('DEVICE_UNAVAILABLE', 'The hub is stopping; the command was not acknowledged.'),
    );
    await this.router.clear();
    this.inputs.flushAndClear();
    this.devices.clear();
  }

  list(filter: DeviceFilter = {}): Device[] {
    const floorAreas = filter.floor ? this.store.areasOnFloor(filter.floor) : undefined;
    return [...this.devices.values()]
      .filter((d) => (!filter.type || d.type === filter.type) && (!filter.area || d.area === filter.area))
      .filter((d) => !floorAreas || (d.area !== undefined && floorAreas.has(d.area)))
      .map(copy);
  }

  get(id: string): Device | undefined {
    const device = this.devices.get(id);
    return device && copy(device);
  }

  require(id: string): Device {
    const device = this.get(id);
    if (!device) throw new HubError('DEVICE_NOT_FOUND', `No device with id "${id}"; list devices to see the ids.`);
    return device;
  }

  add(input: DeviceInput, origin: Device['origin'] = 'api'): Device {
    const d = validate(deviceInputSchema, input, 'device');
    checkDriverConfig(d.driverConfig, d.id, this.limits);
    if (this.devices.has(d.id))
      throw new HubError('CONFLICT', `A device with id "${d.id}" already exists; choose another id or update it.`);
    if (d.area && !this.store.areaExists(d.area)) throw noArea(d.area, 'or leave it out');
    const device: Device = {
      id: d.id,
      name: d.name,
      aliases: d.aliases ?? [],
      type: d.type,
      driver: d.driver ?? DEFAULT_DRIVER,
      origin,
      capabilities: d.capabilities ?? [],
      state: {},
      available: false,
    };
    if (d.area) device.area = d.area;
    if (d.deviceClass) device.deviceClass = d.deviceClass;
    if (d.driverConfig) device.driverConfig = d.driverConfig;
    const driver = this.driverFor(device);
    if (!driver)
      throw new HubError(
        'VALIDATION_FAILED',
        `No driver speaks "${device.driver}" for a ${device.type}; use driver "hearth" or "ha-discovery".`,
      );
    // Without an availability topic the device counts as available, as Home Assistant treats such entities.
    device.available = !driver
      .subscriptions(device)
      .some((s) => s.role.split(',').some((r) => r.startsWith('availability')));
    this.store.upsert(device, this.nowIso());
    this.devices.set(device.id, device);
    this.deps.bus.emit('deviceAdded', { device: copy(device) });
    this.resubscribe(device);
    return copy(device);
  }

  update(id: string, patch: Partial<Omit<DeviceInput, 'id'>> | { area?: string | null }): Device {
    const current = this.devices.get(id);
    if (!current) throw new HubError('DEVICE_NOT_FOUND', `No device with id "${id}"; list devices to see the ids.`);
    const p = validate(devicePatchSchema, patch, 'device update');
    checkDriverConfig(p.driverConfig, id, this.limits);
    if (p.area && !this.store.areaExists(p.area)) throw noArea(p.area, 'first');
    const next: Device = { ...current };
    if (p.name !== undefined) next.name = p.name;
    if (p.aliases !== undefined) next.aliases = p.aliases;
    if (p.type !== undefined) next.type = p.type;
    if (p.deviceClass !== undefined) next.deviceClass = p.deviceClass;
    if (p.driver !== undefined) next.driver = p.driver;
    if (p.driverConfig !== undefined) next.driverConfig = p.driverConfig;
    if (p.capabilities !== undefined) next.capabilities = p.capabilities;
    if (p.area === null) delete next.area;
    else if (p.area !== undefined) next.area = p.area;
    if (!this.driverFor(next))
      throw new HubError('VALIDATION_FAILED', `No driver speaks "${next.driver}" for a ${next.type}.`);
    this.store.upsert(next, this.nowIso());
    this.devices.set(id, next);
    this.deps.bus.emit('deviceUpdated', { device: copy(next) });
    if (p.driver !== undefined || p.driverConfig !== undefined || p.type !== undefined) this.resubscribe(next);
    return copy(next);
  }

  remove(id: string): void {
    if (!this.devices.has(id))
      throw new HubError('DEVICE_NOT_FOUND', `No device with id "${id}"; list devices to see the ids.`);
    this.store.delete(id);
    this.devices.delete(id);
    this.inputs.forget(id);
    this.pending.rejectDevice(
      id,
      () => new HubError('DEVICE_NOT_FOUND', `Device "${id}" was removed while a command was waiting.`),
    );
    void this.router.set(id, []).catch((err: unknown) => this.log.warn({ err, deviceId: id }, 'unsubscribe failed'));
    this.deps.bus.emit('deviceRemoved', { deviceId: id });
  }

  /** Internal to the module: the discovery ingest replaces a discovered device's config in place. */
  replaceDiscovered(device: Device): Device {
    checkDriverConfig(device.driverConfig, device.id, this.limits);
    this.store.upsert(device, this.nowIso());
    this.devices.set(device.id, device);
    this.deps.bus.emit('deviceUpdated', { device: copy(device) });
    this.resubscribe(device);
    return copy(device);
  }

  findByDiscoveryTopic(topic: string): Device | undefined {
    for (const d of this.devices.values()) if (d.driverConfig?.discovery_topic === topic) return copy(d);
    return undefined;
  }

  findArea(nameOrId: string): string | undefined {
    return this.store.findArea(nameOrId);
  }

  /**
   * Makes the config's devices true (origin 'config'): each is added or overwritten, keeping its
   * state; config devices no longer in the config are removed. API and discovery devices are left alone.
   */
  seedFromConfig(config: { readonly devices: readonly SeedDevice[] }): void {
    const ids = new Set(config.devices.map((d) => d.id));
    for (const d of [...this.devices.values()]) if (d.origin === 'config' && !ids.has(d.id)) this.remove(d.id);
    for (const c of config.devices) {
      const existing = this.devices.get(c.id);
      const aliases = [...(c.aliases ?? [])];
      if (!existing) {
        const input: DeviceInput = { id: c.id, name: c.name, aliases, type: c.type };
        if (c.area) input.area = c.area;
        if (c.device_class) input.deviceClass = c.device_class;
        this.add(input, 'config');
        continue;
      }
      const unchanged =
        existing.origin === 'config' &&
        existing.name === c.name &&
        existing.type === c.type &&
        existing.area === c.area &&
        existing.deviceClass === c.device_class &&
        JSON.stringify(existing.aliases) === JSON.stringify(aliases);
      if (unchanged) continue;
      // The config takes the device over: it is the truth for config entries.
      const device = this.devices.get(c.id)!;
      device.origin = 'config';
      if (!c.device_class) delete device.deviceClass;
      this.update(c.id, {
        name: c.name,
        aliases,
        type: c.type,
        area: c.area ?? null,
        ...(c.device_class ? { deviceClass: c.device_class } : {}),
      });
    }
  }

  async command(id: string, command: DeviceCommand, options: CommandOptions = {}): Promise<CommandResult> {
    const device = this.require(id);
    const driver = this.driverFor(device);
    if (!driver)
      throw new HubError(
        'UNSUPPORTED_COMMAND',
        `No driver speaks "${device.driver}" for ${device.name}; it cannot be commanded.`,
      );
    // Said it is offline, or never sent anything at all: fail at once rather than make the user wait for the timeout
    // of a message nobody will read. A device only known from retained state (unknown, not offline) is tried.
    if (this.inputs.isOffline(id) || (!device.available && !device.lastSeen))
      throw unavailable(device, this.deps.clock.now());
    const timeoutMs = options.timeoutMs ?? this.deps.commandTimeoutMs ?? 5000;
    return dispatchCommand(this.dispatch, device, driver, command, timeoutMs);
  }

  /**
   * Asked for every device message, so remembered per device object. Safe because a change of type, driver
   * or driverConfig replaces the device object (update, replaceDiscovered), never edits it in place.
   */
  private driverFor(device: Device): DriverDefinition | undefined {
    let driver = this.driverCache.get(device);
    if (driver === undefined) {
      driver = this.deps.drivers.find((d) => d.protocol === device.driver && d.handles(device)) ?? null;
      this.driverCache.set(device, driver);
    }
    return driver ?? undefined;
  }

  private resubscribe(device: Device): void {
    if (!this.started) return;
    const done = this.subscribe(device).catch((err: unknown) =>
      this.log.error({ err, deviceId: device.id }, 'could not subscribe to the device topics'),
    );
    this.subscribing.set(device.id, done);
    void done.then(() => {
      if (this.subscribing.get(device.id) === done) this.subscribing.delete(device.id);
    });
  }

  /**
   * Resolves once the hub listens on the device's topics after add/update. A device that publishes a
   * (non-retained) event right after it was registered would otherwise be early; the API's POST /devices
   * answers only after this.
   */
  listening(id: string): Promise<void> {
    return this.subscribing.get(id) ?? Promise.resolve();
  }

  private async subscribe(device: Device): Promise<void> {
    const driver = this.driverFor(device);
    await this.router.set(device.id, driver ? driver.subscriptions(device) : []);
  }

  private nowIso(): string {
    return new Date(this.deps.clock.now()).toISOString();
  }
}

function copy(device: Device): Device {
  return structuredClone(device);
}

/** The area is missing: say how to make it (`hearth areas list` shows the ids there are). */
function noArea(area: string, alternative: string): HubError {
  return new HubError(
    'AREA_NOT_FOUND',
    `No area with id "${area}"; create it with \`hearth areas add ${area} --name NAME\` (or POST /api/v1/areas) ${alternative}. \`hearth areas list\` shows the areas there are.`,
  );
}

function unavailable(device: Device, now: number): HubError {
  const hint = device.lastSeen
    ? 'Check its power and network.'
    : `Check that it runs with its own credential (hearth credentials create ${device.id}).`;
  return new HubError('DEVICE_UNAVAILABLE', `${describeUnavailable(device, now)} ${hint}`, {
    deviceId: device.id,
    reason: device.lastSeen ? 'offline' : 'never_connected',
    ...(device.lastSeen ? { lastSeen: device.lastSeen } : {}),
  });
}
