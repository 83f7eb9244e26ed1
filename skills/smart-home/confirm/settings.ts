/**
 * Which spoken device commands need a "yes" (or the PIN) before they are sent: unlocking a lock or a car, opening a
 * garage door; and the words for them. The dialog itself is the SDK's (hub/sdk/confirm-dialog.ts).
 */
import type { ConfirmSettings, Device, DeviceCommand, PendingCommand, SensitiveClass } from '../../../hub/sdk/index.js';

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

/** "unlock the front door" / "unlocked the front door"; "open the garage door to 40 percent". */
export function pendingFor(device: Device, command: DeviceCommand): PendingCommand {
  const name = `the ${device.name.toLowerCase()}`;
  if (command.command === 'set_position') {
    const position = Number(command.params?.position);
    return { deviceId: device.id, command, name, ask: `open ${name} to ${position} percent`, done: `moved ${name} to ${position} percent` };
  }
  const unlock = command.command === 'unlock';
  return { deviceId: device.id, command, name, ask: `${unlock ? 'unlock' : 'open'} ${name}`, done: `${unlock ? 'unlocked' : 'opened'} ${name}` };
}
