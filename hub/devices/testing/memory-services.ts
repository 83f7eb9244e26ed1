/**
 * In-memory HouseholdService and DeviceService for tests (the real ones are hub/devices/household.ts and
 * registry.ts). They honour the contracts' error codes; MemoryDevices answers commands through `responder`.
 */
import { randomUUID } from 'node:crypto';
import type { EventBus } from '../../core/event-bus.js';
import type { HubEvents } from '../../core/events.js';
import type { Area, Device, DeviceCommand, DeviceState, Floor } from '../../sdk/devices.js';
import { HubError } from '../../sdk/errors.js';
import { commandsOf } from '../../../device-types/index.js';
import type {
  CommandOptions,
  CommandResult,
  DeviceFilter,
  DeviceInput,
  DeviceService,
  HouseholdService,
} from '../contracts.js';

export class MemoryHousehold implements HouseholdService {
  private readonly floorMap = new Map<string, Floor>();
  private readonly areaMap = new Map<string, Area>();

  floors(): Floor[] {
    return [...this.floorMap.values()];
  }
  areas(): Area[] {
    return [...this.areaMap.values()];
  }
  getArea(id: string): Area | undefined {
    return this.areaMap.get(id);
  }
  addFloor(floor: Floor): Floor {
    if (this.floorMap.has(floor.id)) throw new HubError('CONFLICT', `Floor "${floor.id}" exists.`);
    this.floorMap.set(floor.id, floor);
    return floor;
  }
  updateFloor(id: string, patch: Partial<Omit<Floor, 'id'>>): Floor {
    const floor = this.floorMap.get(id);
    if (!floor) throw new HubError('FLOOR_NOT_FOUND', `No floor "${id}".`);
    const next = { ...floor, ...patch };
    this.floorMap.set(id, next);
    return next;
  }
  removeFloor(id: string): void {
    if (!this.floorMap.delete(id)) throw new HubError('FLOOR_NOT_FOUND', `No floor "${id}".`);
  }
  addArea(area: Area): Area {
    if (this.areaMap.has(area.id)) throw new HubError('CONFLICT', `Area "${area.id}" exists.`);
    if (area.floor && !this.floorMap.has(area.floor))
      throw new HubError('FLOOR_NOT_FOUND', `No floor "${area.floor}".`);
    this.areaMap.set(area.id, area);
    return area;
  }
  updateArea(id: string, patch: Partial<Omit<Area, 'id'>>): Area {
    const area = this.areaMap.get(id);
    if (!area) throw new HubError('AREA_NOT_FOUND', `No area "${id}".`);
    const next = { ...area, ...patch };
    this.areaMap.set(id, next);
    return next;
  }
  removeArea(id: string): void {
    if (!this.areaMap.delete(id)) throw new HubError('AREA_NOT_FOUND', `No area "${id}".`);
  }
}

/** Answers a command like a device would; return undefined to simulate a device that never acknowledges. */
export type FakeResponder = (device: Device, command: DeviceCommand) => DeviceState | undefined;

export const lightResponder: FakeResponder = (device, command) => {
  if (command.command === 'turn_on') return { on: true, ...command.params };
  if (command.command === 'turn_off') return { on: false };
  if (command.command === 'toggle') return { on: device.state.on !== true };
  return {};
};

export class MemoryDevices implements DeviceService {
  private readonly map = new Map<string, Device>();
  responder: FakeResponder = lightResponder;

  constructor(
    private readonly household: HouseholdService,
    private readonly events?: EventBus<HubEvents>,
    /** Whether added devices start available (the real registry waits for the device to say so). */
    private readonly options: { available?: boolean } = {},
  ) {}

  list(filter: DeviceFilter = {}): Device[] {
    return [...this.map.values()].filter(
      (d) =>
        (!filter.type || d.type === filter.type) &&
        (!filter.area || d.area === filter.area) &&
        (!filter.floor || (d.area !== undefined && this.household.getArea(d.area)?.floor === filter.floor)),
    );
  }
  get(id: string): Device | undefined {
    return this.map.get(id);
  }
  require(id: string): Device {
    const device = this.map.get(id);
    if (!device) throw new HubError('DEVICE_NOT_FOUND', `No device "${id}".`);
    return device;
  }
  add(input: DeviceInput, origin: Device['origin'] = 'api'): Device {
    if (this.map.has(input.id)) throw new HubError('CONFLICT', `Device "${input.id}" exists.`);
    if (input.area && !this.household.getArea(input.area))
      throw new HubError('AREA_NOT_FOUND', `No area "${input.area}".`);
    const device: Device = {
      ...input,
      aliases: input.aliases ?? [],
      driver: input.driver ?? 'hearth',
      capabilities: input.capabilities ?? [],
      origin,
      state: {},
      available: this.options.available ?? false,
    };
    this.map.set(device.id, device);
    this.events?.emit('deviceAdded', { device });
    return device;
  }
  update(id: string, patch: Partial<Omit<DeviceInput, 'id'>>): Device {
    const device = { ...this.require(id), ...patch } as Device;
    this.map.set(id, device);
    this.events?.emit('deviceUpdated', { device });
    return device;
  }
  remove(id: string): void {
    this.require(id);
    this.map.delete(id);
    this.events?.emit('deviceRemoved', { deviceId: id });
  }
  async listening(_id: string): Promise<void> {}
  async command(id: string, command: DeviceCommand, options: CommandOptions = {}): Promise<CommandResult> {
    const device = this.require(id);
    const allowed = commandsOf(device.type);
    if (!allowed.includes(command.command)) {
      throw new HubError('UNSUPPORTED_COMMAND', `A ${device.type} does not accept "${command.command}".`);
    }
    const correlationId = randomUUID();
    const changed = this.responder(device, command);
    if (changed === undefined) {
      throw new HubError('DEVICE_TIMEOUT', `"${id}" did not acknowledge within ${options.timeoutMs ?? 5000} ms.`);
    }
    const state = { ...device.state, ...changed };
    this.map.set(id, { ...device, state });
    this.events?.emit('deviceStateChanged', { deviceId: id, state, changed });
    return { deviceId: id, correlationId, state, ms: 1 };
  }
}
