import { z } from 'zod';

/** Parameter schemas shared by several behaviors, matching the ranges of the device types' commands (device-types/). */
export const noParams = z.object({}).strict();
export const percent = z.number().min(0).max(100);
/** Bulbs fade; the firmware accepts the hint and applies the end state at once. */
export const transitionMs = z.number().int().min(0).max(60_000);
export const celsius = z.number().min(5).max(35);

export const NAMED_COLORS = [
  'white',
  'warm white',
  'cool white',
  'red',
  'orange',
  'amber',
  'yellow',
  'lime',
  'green',
  'teal',
  'cyan',
  'blue',
  'indigo',
  'purple',
  'violet',
  'magenta',
  'pink',
] as const;
export const color = z.union([
  z.enum(NAMED_COLORS),
  z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a color name or #rrggbb'),
]);

/** Rounds for display-like state values (a thermostat shows tenths). */
export function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
