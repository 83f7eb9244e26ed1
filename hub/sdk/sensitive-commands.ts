/**
 * Which device commands open the house: unlocking a lock or a car, opening a garage door, a gate or a motorised door;
 * and the words for them. One rule for the whole hub: the built-in skills ask before sending such a command, and the
 * capability gate (hub/skills/capabilities.ts) refuses it to a skill without `devices:unlock` and has the hub ask
 * before a third-party skill's one is sent. The dialog itself is confirm-dialog.ts.
 */
import type { ConfirmSettings, PendingCommand, SensitiveClass } from './confirm-dialog.js';
import type { Device, DeviceCommand } from './devices.js';

/**
 * Home Assistant cover device classes that let someone into the house. The others (awning, blind, curtain, damper,
 * shade, shutter, window) do not, so they open at once.
 */
export const ENTRY_COVER_CLASSES: ReadonlySet<string> = new Set(['garage', 'gate', 'door']);

/** The class of a command that opens the house, or undefined for everything else (locking and closing never ask). */
export function sensitiveClass(device: Device, command: DeviceCommand): SensitiveClass | undefined {
  if (command.command === 'unlock') {
    if (device.type === 'lock') return 'unlockLocks';
    if (device.type === 'vehicle') return 'unlockVehicles';
  }
  // Any case: the registry keeps the class as given, and "Gate" typed by hand opens the house just the same.
  if (device.type === 'cover' && ENTRY_COVER_CLASSES.has(device.deviceClass?.toLowerCase() ?? '')) {
    if (command.command === 'open' || command.command === 'toggle') return 'openDoorsAndGates';
    if (command.command === 'set_position' && Number(command.params?.position) > 0) return 'openDoorsAndGates';
  }
  return undefined;
}

export function needsConfirmation(settings: ConfirmSettings, device: Device, command: DeviceCommand): boolean {
  const kind = sensitiveClass(device, command);
  return kind !== undefined && settings.classes[kind];
}

/** "unlock the front door" / "unlocked the front door"; "open the front gate"; "open the garage door to 40 percent". */
export function pendingFor(device: Device, command: DeviceCommand): PendingCommand {
  const name = `the ${device.name.toLowerCase()}`;
  if (command.command === 'set_position') {
    const position = Number(command.params?.position);
    return {
      deviceId: device.id,
      command,
      name,
      ask: `open ${name} to ${position} percent`,
      done: `moved ${name} to ${position} percent`,
    };
  }
  const unlock = command.command === 'unlock';
  return {
    deviceId: device.id,
    command,
    name,
    ask: `${unlock ? 'unlock' : 'open'} ${name}`,
    done: `${unlock ? 'unlocked' : 'opened'} ${name}`,
  };
}
