/**
 * Which device commands open the house, read from each type's `sensitive` declaration (a lock's or a car's unlock, a
 * garage door's, gate's or motorised door's open); and the words for them. One rule for the whole hub: the built-in
 * skills ask before sending such a command, the capability gate (hub/skills/capabilities.ts) refuses it to a skill
 * without `devices:unlock` and has the hub ask before a third-party skill's one is sent, and the voice path asks
 * back a doubtful recognition about such a device (hub/voice/sensitive-heard.ts). The dialog itself is
 * hub/sdk/confirm-dialog.ts.
 */
import type { ConfirmSettings, Device, DeviceCommand, PendingCommand, SensitiveClass } from '../hub/sdk/index.js';
import { deviceTypeOf } from './index.js';

/** Whether the device is one that lets someone in (a lock, a car, a garage door; not a blind or a lamp). */
export function guardsTheHouse(device: Device): boolean {
  const sensitive = deviceTypeOf(device.type)?.sensitive;
  return sensitive !== undefined && (sensitive.guards?.(device) ?? true);
}

/** The class of a command that opens the house, or undefined for everything else (locking and closing never ask). */
export function sensitiveClass(device: Device, command: DeviceCommand): SensitiveClass | undefined {
  if (!guardsTheHouse(device)) return undefined;
  const rule = deviceTypeOf(device.type)?.sensitive?.commands[command.command];
  return typeof rule === 'function' ? rule(command) : rule;
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
