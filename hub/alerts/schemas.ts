/** What an alarm may look like when it comes in (from a skill, the API or the dashboard): one schema for every edge. */
import { z } from 'zod';

export const timeOfDaySchema = z.strictObject({
  hour: z.number().int().min(0).max(23),
  minute: z.number().int().min(0).max(59),
});

const weekdays = z
  .array(z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(6)]))
  .max(7)
  .refine((days) => new Set(days).size === days.length, 'a weekday is listed twice');
const label = z.string().trim().min(1).max(100);
const message = z.string().trim().min(1).max(500);
const place = z.string().min(1).max(100);
const epochMs = z.number().int().min(0).max(8.64e15);

export const alarmInputSchema = z
  .strictObject({
    kind: z.enum(['alarm', 'reminder']).optional(),
    at: epochMs.optional(),
    time: timeOfDaySchema.optional(),
    days: weekdays.optional(),
    label: label.optional(),
    message: message.optional(),
    area: place.optional(),
    satellite: place.optional(),
    user: place.optional(),
  })
  .superRefine((input, ctx) => {
    if ((input.at === undefined) === (input.time === undefined))
      ctx.addIssue({
        code: 'custom',
        path: ['time'],
        message: 'give either "at" (one time, epoch ms) or "time" ({hour, minute}, with "days" to repeat)',
      });
    if (input.at !== undefined && input.days?.length)
      ctx.addIssue({
        code: 'custom',
        path: ['days'],
        message: '"days" repeats a "time" of day; a one-time alarm at "at" cannot repeat',
      });
  });

export const alarmChangeSchema = z
  .strictObject({
    time: timeOfDaySchema.optional(),
    days: weekdays.optional(),
    at: epochMs.optional(),
    label: label.nullable().optional(),
    message: message.nullable().optional(),
    area: place.nullable().optional(),
    enabled: z.boolean().optional(),
    skipDay: epochMs.nullable().optional(),
  })
  .superRefine((change, ctx) => {
    if (change.at !== undefined && (change.time !== undefined || change.days?.length))
      ctx.addIssue({
        code: 'custom',
        path: ['at'],
        message: 'move a one-time alarm with "at", or give "time"/"days", not both',
      });
  });

export const ringFilterSchema = z.strictObject({ area: place.optional(), satellite: place.optional() });
