/** Test-only in-memory DeviceService/HouseholdService (the real registry lives in hub/devices). */
import type { CommandResult, DeviceInput, DeviceService, HouseholdService } from '../../devices/contracts.js';
import type { EventBus } from '../../core/event-bus.js';
import type { HubEvents } from '../../core/events.js';
import { HubError } from '../../sdk/errors.js';
import type { Area, Device, Floor } from '../../sdk/devices.js';

export class FakeDevices implements DeviceService {
  private readonly devices = new Map<string, Device>();
  constructor(private readonly bus?: EventBus<HubEvents>) {}

  list(filter?: { type?: Device['type']; area?: string }): Device[] {
    return [...this.devices.values()].filter((d) => (!filter?.type || d.type === filter.type) && (!filter?.area || d.area === filter.area));
  }
  get(id: string): Device | undefined {
    return this.devices.get(id);
  }
  require(id: string): Device {
    const d = this.devices.get(id);
    if (!d) throw new HubError('DEVICE_NOT_FOUND', `no device ${id}`);
    return d;
  }
  add(input: DeviceInput, origin: Device['origin'] = 'api'): Device {
    const device: Device = {
      id: input.id, name: input.name, aliases: input.aliases ?? [], type: input.type, driver: input.driver ?? 'hearth', origin,
      capabilities: input.capabilities ?? [], state: {}, available: true,
      ...(input.area ? { area: input.area } : {}), ...(input.deviceClass ? { deviceClass: input.deviceClass } : {}),
    };
    this.devices.set(device.id, device);
    this.bus?.emit('deviceAdded', { device });
    return device;
  }
  update(id: string, patch: Partial<Omit<DeviceInput, 'id'>>): Device {
    const device = { ...this.require(id), ...patch } as Device;
    this.devices.set(id, device);
    this.bus?.emit('deviceUpdated', { device });
    return device;
  }
  remove(id: string): void {
    this.devices.delete(id);
    this.bus?.emit('deviceRemoved', { deviceId: id });
  }
  async command(): Promise<CommandResult> {
    throw new HubError('UNSUPPORTED_COMMAND', 'the fake registry sends no commands');
  }
}

export class FakeHousehold implements HouseholdService {
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
    this.floorMap.set(floor.id, floor);
    return floor;
  }
  updateFloor(id: string, patch: Partial<Omit<Floor, 'id'>>): Floor {
    const floor = { ...this.floorMap.get(id)!, ...patch };
    this.floorMap.set(id, floor);
    return floor;
  }
  removeFloor(id: string): void {
    this.floorMap.delete(id);
  }
  addArea(area: Area): Area {
    this.areaMap.set(area.id, area);
    return area;
  }
  updateArea(id: string, patch: Partial<Omit<Area, 'id'>>): Area {
    const area = { ...this.areaMap.get(id)!, ...patch };
    this.areaMap.set(id, area);
    return area;
  }
  removeArea(id: string): void {
    this.areaMap.delete(id);
  }
}
