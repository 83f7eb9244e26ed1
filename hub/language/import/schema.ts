/**
 * Home Assistant's custom sentences format (config/custom_sentences/<language>/*.yaml, as read by
 * hassil): `language`, `intents.<Name>.data[]`, `lists`, `expansion_rules`. Unknown keys are errors,
 * so a typo is reported instead of silently ignored.
 */
import { z } from 'zod';

const scalar = z.union([z.string(), z.number(), z.boolean()]);
const name = z.string().regex(/^[a-z_][a-z0-9_]*$/i, 'use letters, digits and "_" only');

/** `requires_context` / `excludes_context`: slot name → a value, a list of values, or {slot: true}. */
const contextSchema = z.record(
  z.string(),
  z.union([scalar, z.array(scalar), z.strictObject({ slot: z.boolean() }), z.null()]),
);

export const haDataBlockSchema = z.strictObject({
  sentences: z.array(z.string().min(1)).min(1),
  slots: z.record(name, scalar).optional(),
  requires_context: contextSchema.optional(),
  excludes_context: contextSchema.optional(),
  /** Per-block rules (hassil allows them here too). */
  expansion_rules: z.record(name, z.string().min(1)).optional(),
  /** Used by Home Assistant to pick a reply template; Hearth's skills write their own replies. */
  response: z.string().optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
});

const listValueSchema = z.union([
  z.string().min(1),
  z.strictObject({
    in: z.string().min(1),
    out: scalar,
    context: z.record(z.string(), z.unknown()).optional(),
    metadata: z.record(z.string(), z.unknown()).optional(),
  }),
]);

export const haListSchema = z.union([
  z.strictObject({ values: z.array(listValueSchema).min(1) }),
  z.strictObject({
    range: z
      .strictObject({
        from: z.number().int(),
        to: z.number().int(),
        step: z.number().int().positive().optional(),
        /** Home Assistant's hints (percentage, temperature); the value is the number either way. */
        type: z.string().optional(),
      })
      .refine((r) => r.to >= r.from, { message: '"to" must not be below "from"' }),
  }),
  z.strictObject({ wildcard: z.literal(true) }),
]);

export const haSentenceFileSchema = z.strictObject({
  language: z.string().min(2),
  intents: z.record(name, z.strictObject({ data: z.array(haDataBlockSchema).min(1) })).default({}),
  lists: z.record(name, haListSchema).default({}),
  expansion_rules: z.record(name, z.string().min(1)).default({}),
  /** hassil's list of words to drop before matching; Hearth's matcher skips fillers itself. */
  skip_words: z.array(z.string()).optional(),
});

export type HaSentenceFile = z.infer<typeof haSentenceFileSchema>;
export type HaList = z.infer<typeof haListSchema>;
