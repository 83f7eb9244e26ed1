import { z } from 'zod';
import type { Intent } from '../sdk/intents.js';
import { HubError } from '../sdk/errors.js';
import type { SkillResponse, UtteranceInfo } from '../sdk/skill.js';
import type { CallLimits } from './call-budget.js';
import type { CallScope } from './capabilities.js';

export type SkillCall =
  | { kind: 'handle'; intent: Intent; utterance: UtteranceInfo }
  | { kind: 'followUp'; text: string; state: unknown; utterance: UtteranceInfo };

/** Runs one skill's code, in process or in a worker. Supervision (failure counting, disabling) is the runtime's. */
export interface SkillExecutor {
  readonly id: string;
  readonly isolated: boolean;
  start(): Promise<void>;
  stop(): Promise<void>;
  /**
   * Rejects with SKILL_TIMEOUT when the skill's own time runs out (a CallBudget set on `scope`: waiting for devices
   * does not count), SKILL_FAILED when the skill throws or crashes.
   */
  call(call: SkillCall, scope: CallScope, limits: CallLimits): Promise<SkillResponse | undefined>;
  /** Sandboxed executors: a violation found between calls (memory, CPU while idle); the runtime counts it as a failure. */
  onFault?(listener: (error: HubError) => void): void;
}

const responseSchema = z.object({
  reply: z.string().max(5000),
  actions: z
    .array(z.object({ type: z.string().max(64) }).catchall(z.unknown()))
    .max(100)
    .optional(),
  followUp: z
    .object({
      state: z.unknown(),
      expect: z
        .object({
          yesNo: z.boolean().optional(),
          pin: z.boolean().optional(),
          choices: z.array(z.string().max(200)).max(20).optional(),
        })
        .optional(),
    })
    .optional(),
});

/** Checks what a skill returned; a skill that answers garbage has failed. */
export function checkResponse(skillId: string, value: unknown, kind: SkillCall['kind']): SkillResponse | undefined {
  if ((value === undefined || value === null) && kind === 'followUp') return undefined;
  const parsed = responseSchema.safeParse(value);
  if (!parsed.success)
    throw new HubError(
      'SKILL_FAILED',
      `skill "${skillId}" returned an invalid response (${parsed.error.issues[0]?.message ?? 'bad shape'}): it must return {reply, actions?}`,
    );
  return parsed.data as SkillResponse;
}
