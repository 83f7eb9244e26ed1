/**
 * What the rest of the hub (API, language, skills, commerce) may ask of the device layer.
 * hub/devices implements these; consumers depend on these interfaces only.
 */
import type { Area, Device, DeviceCommand, DeviceState, DeviceType, Floor } from '../sdk/devices.js';

export interface DeviceInput {
  id: string;
  name: string;
  aliases?: string[];
  area?: string;
  type: DeviceType;
  deviceClass?: string;
  driver?: string;
  driverConfig?: Record<string, unknown>;
  capabilities?: string[];
}

export interface DeviceFilter {
  type?: DeviceType;
  area?: string;
  floor?: string;
}

export interface CommandOptions {
  timeoutMs?: number;
}

export interface CommandResult {
  deviceId: string;
  correlationId: string;
  state: DeviceState;
  ms: number;
}

/** Devices: registry, state cache and command dispatch. Errors are HubErrors (DEVICE_NOT_FOUND, DEVICE_TIMEOUT, …). */
export interface DeviceService {
  list(filter?: DeviceFilter): Device[];
  get(id: string): Device | undefined;
  /** Throws DEVICE_NOT_FOUND. */
  require(id: string): Device;
  add(input: DeviceInput, origin?: Device['origin']): Device;
  update(id: string, patch: Partial<Omit<DeviceInput, 'id'>>): Device;
  remove(id: string): void;
  /** Resolves once the hub listens on the device's topics after it was added or its driver changed. */
  listening(id: string): Promise<void>;
  /** Publishes the command, resolves with the acknowledged state, rejects with DEVICE_TIMEOUT / DEVICE_REJECTED / UNSUPPORTED_COMMAND. */
  command(id: string, command: DeviceCommand, options?: CommandOptions): Promise<CommandResult>;
}

/** Floors and areas. Errors: FLOOR_NOT_FOUND, AREA_NOT_FOUND, CONFLICT. */
export interface HouseholdService {
  floors(): Floor[];
  areas(): Area[];
  getArea(id: string): Area | undefined;
  addFloor(floor: Floor): Floor;
  updateFloor(id: string, patch: Partial<Omit<Floor, 'id'>>): Floor;
  removeFloor(id: string): void;
  addArea(area: Area): Area;
  updateArea(id: string, patch: Partial<Omit<Area, 'id'>>): Area;
  removeArea(id: string): void;
}
