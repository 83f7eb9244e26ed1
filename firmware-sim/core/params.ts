import { z } from 'zod';

/** Parameter schemas shared by several behaviors, matching the ranges of the device types' commands (device-types/). */
export const noParams = z.object({}).strict();
export const percent = z.number().min(0).max(100);
/** Bulbs fade; the firmware accepts the hint and applies the end state at once. */
export const transitionMs = z.number().int().min(0).max(60_000);
export const celsius = z.number().min(5).max(35);

/** Rounds for display-like state values (a thermostat shows tenths). */
export function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
