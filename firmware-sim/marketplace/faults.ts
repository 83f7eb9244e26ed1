import { z } from 'zod';

/**
 * Failure injection. Rates are probabilities per order-API request; `*Next` counters
 * hit the next N requests deterministically (handy in tests).
 */
export const faultSettingsSchema = z.strictObject({
  /** Every shop request answers 503 (admin routes keep working). */
  down: z.boolean().default(false),
  /** Answer 500 before doing anything. */
  errorRate: z.number().min(0).max(1).default(0),
  /** Create the order, then answer 500: the client cannot know it succeeded. */
  errorAfterCommitRate: z.number().min(0).max(1).default(0),
  /** Never answer (until `hangMs` passes or the server stops). */
  hangRate: z.number().min(0).max(1).default(0),
  hangMs: z.number().int().min(0).default(30_000),
  /** Delay every answer by this much. */
  slowMs: z.number().int().min(0).default(0),
  /** Every status event is emitted twice. */
  duplicateEvents: z.boolean().default(false),
  failNext: z.number().int().min(0).default(0),
  failAfterCommitNext: z.number().int().min(0).default(0),
  hangNext: z.number().int().min(0).default(0),
});
export type FaultSettings = z.infer<typeof faultSettingsSchema>;
export const faultPatchSchema = faultSettingsSchema.partial();
export type FaultPatch = z.infer<typeof faultPatchSchema>;

export type FaultDecision = 'none' | 'error' | 'errorAfterCommit' | 'hang';

export class FaultInjector {
  settings: FaultSettings;

  constructor(
    initial: FaultPatch = {},
    private readonly random: () => number = Math.random,
  ) {
    this.settings = faultSettingsSchema.parse(initial);
  }

  patch(patch: FaultPatch): FaultSettings {
    this.settings = faultSettingsSchema.parse({ ...this.settings, ...faultPatchSchema.parse(patch) });
    return this.settings;
  }

  reset(): FaultSettings {
    this.settings = faultSettingsSchema.parse({});
    return this.settings;
  }

  /** Decides what goes wrong with one request; `mutating` requests may also fail after committing. */
  decide(mutating: boolean): FaultDecision {
    const s = this.settings;
    if (s.failNext > 0) {
      s.failNext--;
      return 'error';
    }
    if (s.hangNext > 0) {
      s.hangNext--;
      return 'hang';
    }
    if (mutating && s.failAfterCommitNext > 0) {
      s.failAfterCommitNext--;
      return 'errorAfterCommit';
    }
    if (s.errorRate > 0 && this.random() < s.errorRate) return 'error';
    if (s.hangRate > 0 && this.random() < s.hangRate) return 'hang';
    if (mutating && s.errorAfterCommitRate > 0 && this.random() < s.errorAfterCommitRate) return 'errorAfterCommit';
    return 'none';
  }
}
