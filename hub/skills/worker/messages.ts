/**
 * Messages between the hub and a skill's sandbox (child process, or worker thread as the fallback).
 * Everything from the sandbox is checked with zod.
 */
import { z } from 'zod';
import type { Intent } from '../../sdk/intents.js';
import type { UtteranceInfo } from '../../sdk/skill.js';

export type ToWorker =
  | { t: 'init'; entry: string; skillId: string; config: Record<string, unknown> }
  | { t: 'call'; callId: number; kind: 'handle'; now: number; intent: Intent; utterance: UtteranceInfo }
  | { t: 'call'; callId: number; kind: 'followUp'; now: number; text: string; state: unknown; utterance: UtteranceInfo }
  | { t: 'rpcResult'; rpcId: number; ok: true; value: unknown }
  | { t: 'rpcResult'; rpcId: number; ok: false; error: WireError };

export interface WireError {
  code: string;
  message: string;
}

const wireError = z.object({ code: z.string().max(64), message: z.string().max(4000) });

export const fromWorkerSchema = z.union([
  z.object({
    t: z.literal('ready'),
    definition: z.object({
      id: z.string(),
      version: z.string(),
      intents: z.array(z.string()),
      hasFollowUp: z.boolean(),
    }),
  }),
  z.object({ t: z.literal('initError'), error: wireError }),
  z.object({ t: z.literal('result'), callId: z.number(), ok: z.literal(true), value: z.unknown() }),
  z.object({ t: z.literal('result'), callId: z.number(), ok: z.literal(false), error: wireError }),
  z.object({ t: z.literal('output'), stream: z.enum(['stdout', 'stderr']), text: z.string().max(4000) }),
  z.object({
    t: z.literal('rpc'),
    rpcId: z.number(),
    callId: z.number(),
    method: z.string().max(64),
    args: z.array(z.unknown()).max(10),
  }),
]);
export type FromWorker = z.infer<typeof fromWorkerSchema>;

/** The same conversion the skill's side uses (skill-runner.mjs), for errors the hub sends back to a skill. */
export { toWireError } from './skill-runner.mjs';
