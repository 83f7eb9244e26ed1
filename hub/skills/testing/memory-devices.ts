/**
 * An in-memory DeviceService for unit tests of skills: commands change state right away, unless the device is
 * marked unresponsive (then DEVICE_TIMEOUT), slow (answers after `slowMs`) or offline (DEVICE_UNAVAILABLE at once).
 */
import type {
  CommandOptions,
  CommandResult,
  DeviceFilter,
  DeviceInput,
  DeviceService,
} from '../../devices/contracts.js';
import type { Device, DeviceCommand, DeviceState } from '../../sdk/devices.js';
import { HubError } from '../../sdk/errors.js';

export class MemoryDeviceService implements DeviceService {
  private readonly devices = new Map<string, Device>();
  readonly commands: { deviceId: string; command: DeviceCommand }[] = [];
  readonly unresponsive = new Set<string>();
  /** Device id → how long its acknowledgement takes (real time). */
  readonly slowMs = new Map<string, number>();

  list(filter: DeviceFilter = {}): Device[] {
    return [...this.devices.values()].filter(
      (d) => (!filter.type || d.type === filter.type) && (!filter.area || d.area === filter.area),
    );
  }
  get(id: string): Device | undefined {
    return this.devices.get(id);
  }
  require(id: string): Device {
    const d = this.devices.get(id);
    if (!d) throw new HubError('DEVICE_NOT_FOUND', `no device "${id}"`);
    return d;
  }
  add(input: DeviceInput, origin: Device['origin'] = 'api'): Device {
    const device: Device = {
      id: input.id,
      name: input.name,
      aliases: input.aliases ?? [],
      type: input.type,
      driver: input.driver ?? 'hearth',
      origin,
      capabilities: input.capabilities ?? [],
      state: {},
      available: true,
      ...(input.area ? { area: input.area } : {}),
    };
    this.devices.set(device.id, device);
    return device;
  }
  update(id: string, patch: Partial<Omit<DeviceInput, 'id'>>): Device {
    const device = { ...this.require(id), ...patch } as Device;
    this.devices.set(id, device);
    return device;
  }
  /** Marks the device offline (last seen at `lastSeen`) or never connected (no `lastSeen`), or online again. */
  setAvailable(id: string, available: boolean, lastSeen?: string): void {
    const { lastSeen: _previous, ...device } = this.require(id);
    this.devices.set(id, { ...device, available, ...(lastSeen ? { lastSeen } : {}) });
  }
  remove(id: string): void {
    this.devices.delete(id);
  }
  async listening(_id: string): Promise<void> {}
  async command(id: string, command: DeviceCommand, _options?: CommandOptions): Promise<CommandResult> {
    const device = this.require(id);
    if (!device.available)
      throw new HubError('DEVICE_UNAVAILABLE', `The ${device.name.toLowerCase()} is offline.`, { deviceId: id });
    this.commands.push({ deviceId: id, command });
    const slow = this.slowMs.get(id);
    if (slow !== undefined) await new Promise((resolve) => setTimeout(resolve, slow));
    if (this.unresponsive.has(id)) throw new HubError('DEVICE_TIMEOUT', `${device.name} did not acknowledge`);
    const state: DeviceState = { ...device.state, ...effect(command) };
    this.devices.set(id, { ...device, state });
    return { deviceId: id, correlationId: String(this.commands.length), state, ms: 1 };
  }
}

function effect(command: DeviceCommand): DeviceState {
  const p = command.params ?? {};
  switch (command.command) {
    case 'turn_on':
      return { on: true, ...p };
    case 'turn_off':
      return { on: false };
    case 'lock':
      return { locked: true };
    case 'unlock':
      return { locked: false };
    case 'media_play':
      return { playing: true };
    case 'media_pause':
      return { playing: false };
    case 'play_media':
      return { playing: true, media: p.search_query };
    case 'set_volume':
      return { volume_level: p.volume_level };
    case 'climate_on':
      return { climate_on: true, ...(p.temperature !== undefined ? { target_temperature: p.temperature } : {}) };
    case 'engine_start':
      return { engine_on: true };
    default:
      return { last_command: command.command };
  }
}
