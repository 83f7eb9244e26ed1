/**
 * What devices send, applied to the registry's live devices: each MQTT message is parsed by the device's
 * driver into state / availability / event / ack inputs, which update the device, settle waiting commands,
 * queue last-state persistence and emit hub events. This is the per-message hot path under load
 * (bench/fan-in.ts), so it allocates little and computes each timestamp string once per millisecond.
 */
import type { Clock } from '../core/clock.js';
import type { EventBus } from '../core/event-bus.js';
import type { HubEvents } from '../core/events.js';
import type { Logger } from '../core/logger.js';
import type { MqttMessage } from '../mqtt/transport.js';
import type { Db } from '../store/database.js';
import { HubError, type Device, type DeviceState, type DriverDefinition, type DriverInput } from '../sdk/index.js';
import { AvailabilityChannels } from './availability-channels.js';
import type { DeviceStore } from './device-store.js';
import type { PendingCommands } from './pending-commands.js';
import { diffState } from './state-diff.js';
import { DEFAULT_STATE_LIMITS, measureValue, StateSizes, type StateLimits, type StateSize } from './state-limits.js';
import { CoalescingStateWriter } from './state-writer.js';
import type { Route } from './topic-router.js';

export interface DeviceInputsDeps {
  /** The registry's live devices (shared, not copied). */
  devices: ReadonlyMap<string, Device>;
  driverFor(device: Device): DriverDefinition | undefined;
  pending: PendingCommands;
  db: Db;
  store: DeviceStore;
  bus: EventBus<HubEvents>;
  clock: Clock;
  log: Logger;
  maxPayloadBytes?: number;
  /** Depth, keys and size one device's state may reach (state-limits.ts). */
  stateLimits?: StateLimits;
}

const LAST_SEEN_WRITE_INTERVAL_MS = 60_000;

export class DeviceInputs {
  /** Devices whose last availability message said offline (unknown ≠ offline). */
  private readonly offline = new Set<string>();
  private readonly lastPersisted = new Map<string, number>();
  private readonly availability = new AvailabilityChannels();
  private readonly stateWriter: CoalescingStateWriter;
  private readonly limits: StateLimits;
  private readonly sizes: StateSizes;
  private isoAt = NaN;
  private iso = '';

  constructor(private readonly deps: DeviceInputsDeps) {
    this.stateWriter = new CoalescingStateWriter({ db: deps.db, store: deps.store, clock: deps.clock, log: deps.log });
    this.limits = deps.stateLimits ?? DEFAULT_STATE_LIMITS;
    this.sizes = new StateSizes(this.limits);
  }

  /**
   * A state loaded from the database that is over the limits (stored before they existed, or under larger ones)
   * is dropped, logged and saved empty: the device's next messages rebuild it. Kept, it would refuse every patch.
   */
  admitStored(device: Device): void {
    const size = this.sizes.of(device.state);
    if (typeof size !== 'string') return;
    this.deps.log.warn(
      { deviceId: device.id, reason: size },
      "stored device state is over the limits; dropped, the device's next messages rebuild it",
    );
    device.state = {};
    this.stateWriter.save(device);
  }

  isOffline(id: string): boolean {
    return this.offline.has(id);
  }

  /** A removed device: nothing of it is written back or remembered. */
  forget(id: string): void {
    this.offline.delete(id);
    this.lastPersisted.delete(id);
    this.stateWriter.forget(id);
    this.availability.forget(id);
  }

  /** On stop: what is queued is written, the rest forgotten. */
  flushAndClear(): void {
    this.stateWriter.flush();
    this.offline.clear();
    this.lastPersisted.clear();
    this.availability.clear();
  }

  receive(route: Route, message: MqttMessage): void {
    const device = this.deps.devices.get(route.deviceId);
    if (!device) return;
    const max = this.deps.maxPayloadBytes ?? 256 * 1024;
    if (message.payload.length > max)
      return this.reject(device, message, `payload of ${message.payload.length} bytes exceeds ${max}`);
    const driver = this.deps.driverFor(device);
    if (!driver) return;
    let result: ReturnType<typeof driver.parse>;
    try {
      result = driver.parse(device, route.role, message);
    } catch (err) {
      return this.reject(device, message, `driver ${driver.name} failed to parse: ${(err as Error).message}`);
    }
    if (!result.ok) return this.reject(device, message, result.reason);
    for (const input of result.inputs) {
      const problem = this.apply(device.id, input);
      if (problem) this.reject(device, message, problem);
    }
  }

  private reject(device: Device, message: MqttMessage, reason: string): void {
    this.deps.log.warn({ deviceId: device.id, topic: message.topic, reason }, 'device input rejected');
    this.deps.bus.emit('inputRejected', {
      source: 'mqtt',
      reason: `${device.id}: ${reason}`,
      topic: message.topic,
      ...(message.clientId ? { clientId: message.clientId } : {}),
    });
  }

  /** Merges a state patch; returns why it was refused (over the state limits: nothing of it is applied). */
  applyState(id: string, patch: DeviceState): string | undefined {
    const device = this.deps.devices.get(id);
    if (!device) return undefined;
    const changed = diffState(device.state, patch);
    const hasChanges = hasKeys(changed);
    let size: StateSize | undefined;
    if (hasChanges) {
      const check = this.sizes.checkMerge(device.state, changed);
      if ('problem' in check) return `state refused: ${check.problem} (limits: deviceState in the config)`;
      size = check.size;
    }
    device.lastSeen = this.nowIso();
    if (hasChanges) {
      device.state = { ...device.state, ...changed };
      this.sizes.remember(device.state, size!);
    }
    this.persist(device, hasChanges);
    // The registry replaces device.state on every change and never mutates it, so the event can carry the
    // new object itself instead of a copy per message; listeners only read it.
    if (hasChanges) this.deps.bus.emit('deviceStateChanged', { deviceId: id, state: device.state, changed });
    return undefined;
  }

  /** Applies one input; returns why it was refused, if it was. */
  private apply(id: string, input: DriverInput): string | undefined {
    switch (input.kind) {
      case 'state': {
        const problem = this.applyState(id, input.patch);
        if (problem) return problem;
        this.deps.pending.settleByState(id, this.deps.devices.get(id)?.state ?? {});
        return undefined;
      }
      case 'availability':
        this.applyAvailability(id, this.availability.combine(id, input));
        return undefined;
      case 'event': {
        // Not stored, but sent to every listener and WebSocket client as it is: the same bounds as state.
        const size = measureValue(input.data, this.limits);
        if (typeof size === 'string') return `event refused: its data is ${size} (limits: deviceState in the config)`;
        this.touch(id);
        this.deps.bus.emit('deviceEvent', { deviceId: id, type: input.type, data: input.data });
        return undefined;
      }
      case 'ack': {
        const device = this.deps.devices.get(id);
        const outcome = input.ok
          ? { state: device?.state ?? {} }
          : {
              error: new HubError(
                'DEVICE_REJECTED',
                `The ${device?.name ?? id} refused the command: ${input.error.message} (${input.error.code}).`,
                { deviceId: id, device: input.error },
              ),
            };
        if (!this.deps.pending.settleById(input.correlationId, outcome))
          this.deps.log.debug({ deviceId: id, correlationId: input.correlationId }, 'ack for no waiting command');
        return undefined;
      }
    }
  }

  private applyAvailability(id: string, available: boolean): void {
    const device = this.deps.devices.get(id);
    if (!device) return;
    if (available) this.offline.delete(id);
    else this.offline.add(id);
    if (available) device.lastSeen = this.nowIso();
    const changed = device.available !== available;
    device.available = available;
    this.persist(device, changed);
    if (changed) this.deps.bus.emit('deviceAvailabilityChanged', { deviceId: id, available });
    if (!available) {
      this.deps.pending.rejectDevice(
        id,
        () =>
          new HubError(
            'DEVICE_UNAVAILABLE',
            `The ${device.name} went offline before acknowledging; check its power and network.`,
            { deviceId: id },
          ),
      );
    }
  }

  private touch(id: string): void {
    const device = this.deps.devices.get(id);
    if (!device) return;
    device.lastSeen = this.nowIso();
    this.persist(device, false);
  }

  /**
   * Queues the state for the coalesced writer (state-writer.ts); a message that only refreshes last-seen
   * is queued at most once a minute.
   */
  private persist(device: Device, force: boolean): void {
    const now = this.deps.clock.now();
    if (!force && now - (this.lastPersisted.get(device.id) ?? -Infinity) < LAST_SEEN_WRITE_INTERVAL_MS) return;
    this.lastPersisted.set(device.id, now);
    this.stateWriter.save(device);
  }

  /** Thousands of messages arrive within one millisecond under load; the ISO string is built once for them. */
  private nowIso(): string {
    const now = this.deps.clock.now();
    if (now !== this.isoAt) {
      this.isoAt = now;
      this.iso = new Date(now).toISOString();
    }
    return this.iso;
  }
}

function hasKeys(object: object): boolean {
  for (const _ in object) return true;
  return false;
}
