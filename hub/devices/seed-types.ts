import type { DeviceType } from '../sdk/index.js';

/** The household config entries the device layer seeds from; readonly so a frozen config fits as is. */
export interface SeedFloor {
  readonly id: string;
  readonly name: string;
  readonly aliases?: readonly string[];
}
export interface SeedArea extends SeedFloor {
  readonly floor?: string;
}
export interface SeedDevice extends SeedFloor {
  readonly area?: string;
  readonly type: DeviceType;
  readonly device_class?: string;
}
export interface SeedConfig {
  readonly floors: readonly SeedFloor[];
  readonly areas: readonly SeedArea[];
  readonly devices: readonly SeedDevice[];
}
