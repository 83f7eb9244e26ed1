/** How a person is told that a device could not do what was asked: offline since when, never connected, or refused. */
import type { Device } from './devices.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "The front door lock is offline; last seen 3 minutes ago." / "The kitchen light hasn't connected to the hub yet." */
export function describeUnavailable(device: Pick<Device, 'name' | 'lastSeen'>, now: number): string {
  const name = `The ${device.name.toLowerCase()}`;
  const seenAt = device.lastSeen ? Date.parse(device.lastSeen) : NaN;
  if (Number.isNaN(seenAt)) return `${name} hasn't connected to the hub yet.`;
  return `${name} is offline; last seen ${ago(now - seenAt)}.`;
}

/**
 * "The television refused: the player is off." The device's own words when it gave some (DEVICE_REJECTED carries
 * them in `details.device.message`), else the hub's message.
 */
export function describeRefusal(device: Pick<Device, 'name'>, err: { message: string; details?: unknown }): string {
  const own = (err.details as { device?: { message?: unknown } } | undefined)?.device?.message;
  const reason = (typeof own === 'string' ? own : err.message).replace(/[.\s]+$/, '');
  return `The ${device.name.toLowerCase()} refused: ${reason}.`;
}

/** Spoken time since an instant: "just now", "5 minutes ago", "2 hours ago", "3 days ago". */
export function ago(ms: number): string {
  if (ms < MINUTE) return 'just now';
  if (ms < HOUR) return plural(Math.floor(ms / MINUTE), 'minute');
  if (ms < DAY) return plural(Math.floor(ms / HOUR), 'hour');
  return plural(Math.floor(ms / DAY), 'day');
}

const plural = (n: number, unit: string) => `${n === 1 ? (unit === 'hour' ? 'an' : 'a') : n} ${unit}${n === 1 ? '' : 's'} ago`;
