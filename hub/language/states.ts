/**
 * HassGetState's `state` as Home Assistant has it: a binary sensor answers with its raw `on`/`off`, so the condition
 * said is turned into it by the sensor's device class ("is the kitchen window open" → `on`; "is the leak sensor wet"
 * → `on`; for the lock class `on` means unlocked). Covers said to be up or down are open or closed.
 */
import type { Device } from '../sdk/devices.js';

const ON_OFF: Record<string, [on: string[], off: string[]]> = {
  door: [['open'], ['closed']],
  garage_door: [['open'], ['closed']],
  opening: [['open'], ['closed']],
  window: [['open'], ['closed']],
  moisture: [['wet'], ['dry']],
  battery: [['low'], ['normal', 'charged']],
  battery_charging: [['charging'], []],
  presence: [['home'], ['away']],
  occupancy: [['detected'], ['clear']],
  motion: [['detected'], ['clear']],
  smoke: [['detected'], ['clear']],
  gas: [['detected'], ['clear']],
  carbon_monoxide: [['detected'], ['clear']],
  sound: [['detected'], ['clear']],
  tamper: [['detected'], ['clear']],
  vibration: [['detected'], ['clear']],
  problem: [['detected'], ['safe']],
  lock: [
    ['unlocked', 'open'],
    ['locked', 'closed'],
  ],
  safety: [['unsafe'], ['safe']],
  plug: [['plugged in'], ['unplugged']],
  connectivity: [['connected'], ['disconnected']],
};

/** The state value Home Assistant's frame carries for a question about `device`. */
export function conformState(said: string, device: Device | undefined): string {
  if (!device) return said;
  if (device.type === 'binary_sensor') {
    if (said === 'on' || said === 'off') return said;
    const table = ON_OFF[device.deviceClass ?? ''];
    if (table?.[0].includes(said)) return 'on';
    if (table?.[1].includes(said)) return 'off';
    if (['open', 'detected', 'wet', 'home', 'unsafe'].includes(said)) return 'on';
    if (['closed', 'clear', 'dry', 'away', 'safe'].includes(said)) return 'off';
    return said;
  }
  if (device.type === 'cover' || device.type === 'valve')
    return said === 'on' || said === 'up' ? 'open' : said === 'off' || said === 'down' ? 'closed' : said;
  return said;
}
