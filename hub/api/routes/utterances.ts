/** POST /utterances: text in, understood intent, targets, the skill that handled it, its reply and actions out. */
import { z } from 'zod';
import { actingUser } from '../principal.js';
import { defineRoutes } from '../route-group.js';

export const utteranceBodySchema = z.strictObject({
  text: z.string().trim().min(1).max(2000),
  area: z.string().min(1).max(100).optional(),
  user: z.string().min(1).max(100).optional(),
  dryRun: z.boolean().optional(),
});

const slotValue = z.union([z.string(), z.number(), z.boolean()]);
export const utteranceResultSchema = z.object({
  intent: z.object({ name: z.string(), slots: z.record(z.string(), slotValue) }).nullable(),
  confidence: z.number(),
  targets: z.array(z.string()),
  skill: z.string().nullable(),
  reply: z.string(),
  actions: z.array(z.object({ type: z.string() }).catchall(z.unknown())),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
  suggestion: z.string().optional(),
});

/** A typed command the hub handled (not a dry run), for the voice log beside the spoken ones. */
export interface TypedCommand {
  text: string;
  area?: string;
  intent?: string;
  reply: string;
  /** How long the hub took to understand and handle it. */
  ms: number;
}

export const utteranceRoutes = defineRoutes({
  name: 'utterances',
  needs: ['skills'],
  optional: ['onTypedCommand'],
  plugin: async (app, { deps: { skills: runtime, onTypedCommand }, routes }) => {
    routes.add(
      app,
      {
        method: 'POST',
        url: '/utterances',
        tag: 'language',
        summary: 'Understand a typed command and run it (dryRun: resolve intent and targets, send nothing)',
        body: utteranceBodySchema,
        responses: { 200: utteranceResultSchema },
        errors: ['PAYLOAD_TOO_LARGE'],
      },
      async (request) => {
        const { text, user, ...context } = request.body;
        // A logged-in household user speaks as themselves, so purchases are theirs and follow their role.
        const speaker = actingUser(request, user, 'user');
        const started = performance.now();
        const result = await runtime.handleUtterance(
          text,
          speaker === undefined ? context : { ...context, user: speaker },
        );
        if (!context.dryRun) {
          onTypedCommand?.({
            text,
            reply: result.reply,
            ms: Math.round(performance.now() - started),
            ...(context.area ? { area: context.area } : {}),
            ...(result.intent ? { intent: result.intent.name } : {}),
          });
        }
        return result;
      },
    );
  },
});
