/** How a person is told that a device could not do what was asked: offline since when, never connected, or refused. */
import type { Device } from './devices.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "The front door lock is offline; last seen 3 minutes ago." / "The kitchen light hasn't connected to the hub yet." */
export function describeUnavailable(device: Pick<Device, 'name' | 'lastSeen'>, now: number): string {
  const name = `The ${device.name.toLowerCase()}`;
  const many = soundsPlural(device.name);
  const seenAt = device.lastSeen ? Date.parse(device.lastSeen) : NaN;
  if (Number.isNaN(seenAt)) return `${name} ${many ? "haven't" : "hasn't"} connected to the hub yet.`;
  return `${name} ${many ? 'are' : 'is'} offline; last seen ${ago(now - seenAt)}.`;
}

/**
 * Whether a device's name is said as a plural ("the living room blinds are", "the counter lights are"): its last
 * word (longer than three letters: gas, bus) ends in an s that is not part of -ss, -us, -is, -os or a possessive
 * (glass, cactus, chassis, Sonos, Anna's).
 */
export function soundsPlural(name: string): boolean {
  const last = name.trim().split(/\s+/).pop() ?? '';
  return last.length > 3 && /[^suio'’]s$/i.test(last);
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

const plural = (n: number, unit: string) =>
  `${n === 1 ? (unit === 'hour' ? 'an' : 'a') : n} ${unit}${n === 1 ? '' : 's'} ago`;
