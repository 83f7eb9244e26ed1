/**
 * Which spoken commands need a "yes" (or the PIN) before they are sent: unlocking a lock or a car, opening a
 * garage door. The hub hands the `skills.confirm` config section to the built-in skills as `ctx.config.confirm`;
 * anything missing there counts as ON, so a skill registered without it still asks.
 */
import type { Device, DeviceCommand } from '../../../hub/sdk/index.js';

export type SensitiveClass = 'unlockLocks' | 'unlockVehicles' | 'openGarageDoors';

export interface ConfirmSettings {
  classes: Record<SensitiveClass, boolean>;
  /** The scrypt hash of the PIN when one is required. */
  pinHash?: string;
}

export function confirmSettings(config: Readonly<Record<string, unknown>>): ConfirmSettings {
  const section = (config.confirm ?? {}) as Partial<Record<SensitiveClass, unknown>> & { pin?: { required?: unknown; hash?: unknown } };
  const on = (key: SensitiveClass) => section[key] !== false;
  const pin = section.pin;
  return {
    classes: { unlockLocks: on('unlockLocks'), unlockVehicles: on('unlockVehicles'), openGarageDoors: on('openGarageDoors') },
    ...(pin?.required === true && typeof pin.hash === 'string' ? { pinHash: pin.hash } : {}),
  };
}

/** The class of a command that opens the house, or undefined for everything else (locking and closing never ask). */
export function sensitiveClass(device: Device, command: DeviceCommand): SensitiveClass | undefined {
  if (command.command === 'unlock') {
    if (device.type === 'lock') return 'unlockLocks';
    if (device.type === 'vehicle') return 'unlockVehicles';
  }
  if (device.type === 'cover' && device.deviceClass === 'garage') {
    if (command.command === 'open' || command.command === 'toggle') return 'openGarageDoors';
    if (command.command === 'set_position' && Number(command.params?.position) > 0) return 'openGarageDoors';
  }
  return undefined;
}

export function needsConfirmation(settings: ConfirmSettings, device: Device, command: DeviceCommand): boolean {
  const kind = sensitiveClass(device, command);
  return kind !== undefined && settings.classes[kind];
}
