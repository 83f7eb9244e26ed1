/**
 * Which of the recogniser's n-best transcripts to act on. The best one wins unless the household
 * cannot carry it out (no intent, a device or area it does not have, a device command that names
 * no place and was not heard by a satellite with an area); then the first next-best reading that it
 * can carry out is taken instead.
 *
 * Safety-relevant readings never take part: locks, doors, garages and gates, the car, purchases and
 * dialog answers come from the best transcript only. "unlock the front door" heard as "lock the
 * front door" are both executable, so plausibility cannot tell them apart, and a switch on such
 * grounds could open a door nobody asked to open.
 */
import type { Understanding } from '../language/service.js';
import type { Device } from '../sdk/devices.js';

/** Intents that spend money, answer a confirmation or act on the car. */
const SAFETY_INTENTS = /^(OrderProduct|ReorderItem|CancelOrder|SendPantryBox|PurchasePin|HassYes|HassNo|Vehicle(?!Get))/;
/** Cover classes that let someone in. */
const ENTRANCE_CLASSES = new Set(['door', 'garage', 'gate']);
/** How many next-best readings are looked at (each is one `understand`, well under a millisecond). */
export const MAX_ALTERNATIVE_READINGS = 5;

export interface ReadingChoice {
  /** Index into the readings: 0 is the recogniser's best transcript. */
  index: number;
  understanding: Understanding;
}

/**
 * `readings[0]` is the best transcript; `read` understands a transcript in the utterance's context
 * (area included); `devices` is the registry.
 */
export function chooseReading(readings: readonly string[], read: (text: string) => Understanding, devices: readonly Device[]): ReadingChoice {
  const best = read(readings[0] ?? '');
  if (readings.length < 2 || executable(best) || safetyRelevant(best, devices)) return { index: 0, understanding: best };
  for (let i = 1; i < readings.length && i <= MAX_ALTERNATIVE_READINGS; i++) {
    const understanding = read(readings[i]!);
    if (executable(understanding) && !safetyRelevant(understanding, devices)) return { index: i, understanding };
  }
  return { index: 0, understanding: best };
}

/** Understood, and about things this household has; a device command names a place (or the satellite's area filled it in). */
export function executable(u: Understanding): boolean {
  if (!u.intent || u.problem) return false;
  const slots = u.intent.slots;
  const placeless = slots.name === undefined && slots.area === undefined && slots.floor === undefined && slots.all !== true;
  return !(placeless && u.targets.length > 0);
}

/** About a lock, an entrance, the car, money or a confirmation; a named device counts even when the intent does not suit it. */
export function safetyRelevant(u: Understanding, devices: readonly Device[]): boolean {
  if (!u.intent) return false;
  const slots = u.intent.slots;
  if (SAFETY_INTENTS.test(u.intent.name) || slots.domain === 'lock' || slots.domain === 'vehicle') return true;
  if (typeof slots.device_class === 'string' && ENTRANCE_CLASSES.has(slots.device_class)) return true;
  const ids = new Set([...u.targets, ...(u.ambiguity?.candidates.map((c) => c.id) ?? [])]);
  const name = typeof slots.name === 'string' ? slots.name.toLowerCase() : undefined;
  return devices.some((d) => {
    const concerned = ids.has(d.id) || (name !== undefined && [d.name, ...d.aliases].some((n) => n.toLowerCase() === name));
    return concerned && (d.type === 'lock' || d.type === 'vehicle' || (d.type === 'cover' && ENTRANCE_CLASSES.has(d.deviceClass ?? '')));
  });
}
