/**
 * Reply shapes of the alarm, ringing, timer and announcement routes (`routes/alerts.ts`), each checked against
 * the type the handler returns with `satisfies`, so a new field cannot go undocumented.
 */
import { z } from 'zod';
import type { Alarm, Ringing } from '../../sdk/alarms.js';
import type { SkillTimer } from '../../sdk/skill.js';

const weekday = z.union([
  z.literal(0),
  z.literal(1),
  z.literal(2),
  z.literal(3),
  z.literal(4),
  z.literal(5),
  z.literal(6),
]);
const epochMs = z.number().describe('ms since the epoch');

export const alarm = z.object({
  id: z.string(),
  kind: z.enum(['alarm', 'reminder']),
  time: z.object({ hour: z.number().int(), minute: z.number().int() }).describe('local time of day it rings'),
  days: z.array(weekday).describe('weekdays it repeats on, 0 = Sunday; empty for a one-time alarm'),
  label: z.string().optional(),
  message: z.string().optional(),
  area: z.string().optional(),
  satellite: z.string().optional(),
  user: z.string().optional(),
  enabled: z.boolean(),
  nextAt: epochMs.optional(),
  snoozedUntil: epochMs.optional(),
  skipDay: epochMs.optional().describe('a repeating alarm skips its ring on this day (local midnight)'),
  ringing: z.boolean(),
  description: z.string().describe('"every weekday at 6:30", "tomorrow at 7:00"'),
  createdAt: epochMs,
}) satisfies z.ZodType<Alarm>;

export const ringing = z.object({
  id: z.string(),
  kind: z.enum(['alarm', 'reminder', 'timer']),
  sourceId: z.string().describe('the alarm or timer id'),
  message: z.string(),
  area: z.string().optional(),
  satellites: z.array(z.string()),
  startedAt: epochMs,
  endsAt: epochMs.describe('it stops by itself then (alerts.ringCapMs)'),
}) satisfies z.ZodType<Ringing>;

export const timer = z.object({
  id: z.string(),
  name: z.string().optional(),
  area: z.string().optional(),
  satellite: z.string().optional(),
  message: z.string(),
  durationMs: z.number(),
  dueAt: epochMs.optional(),
  remainingMs: z.number(),
  paused: z.boolean(),
  skill: z.string().describe('the skill that set it'),
}) satisfies z.ZodType<SkillTimer & { skill: string }>;

export const satellite = z.object({ id: z.string(), area: z.string().optional() });
