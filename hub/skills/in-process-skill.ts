import type { Clock } from '../core/clock.js';
import { HubError, isHubError } from '../sdk/errors.js';
import type { SkillDefinition, SkillResponse } from '../sdk/skill.js';
import { CallBudget, type CallLimits } from './call-budget.js';
import type { CallScope, CapabilityGate } from './capabilities.js';
import { createSkillContext } from './context.js';
import { checkResponse, type SkillCall, type SkillExecutor } from './executor.js';

/** Built-in skills: trusted code, same ctx and permission checks, no thread. */
export class InProcessSkill implements SkillExecutor {
  readonly isolated = false;

  constructor(
    private readonly definition: SkillDefinition,
    private readonly gate: CapabilityGate,
    private readonly clock: Clock,
    private readonly config: Record<string, unknown> = {},
  ) {}

  get id(): string {
    return this.definition.id;
  }

  async start(): Promise<void> {}
  async stop(): Promise<void> {}

  async call(call: SkillCall, scope: CallScope, limits: CallLimits): Promise<SkillResponse | undefined> {
    const ctx = createSkillContext(
      this.id,
      this.config,
      () => this.clock.now(),
      (method, args) => this.gate.invoke(method, args, scope),
    );
    const run = async () =>
      call.kind === 'handle'
        ? this.definition.handle(call.intent, ctx, call.utterance)
        : this.definition.followUp?.(call.text, call.state, ctx, call.utterance);
    let budget: CallBudget | undefined;
    const timeout = new Promise<never>((_, reject) => {
      budget = new CallBudget(this.id, limits, reject);
    });
    scope.budget = budget;
    try {
      return checkResponse(this.id, await Promise.race([run(), timeout]), call.kind);
    } catch (err) {
      if (isHubError(err)) throw err;
      throw new HubError('SKILL_FAILED', `skill "${this.id}" failed: ${(err as Error)?.message ?? String(err)}`);
    } finally {
      budget?.end();
    }
  }
}
