/**
 * The hub's own "are you sure?" before a third-party skill's command opens the house. The gate held the command
 * (`CallScope.held`) instead of sending it; the runtime asks with the SDK's dialog and, after a yes (or the household
 * PIN, checked by the hub), sends exactly the held commands through the same skill's gate. No skill code runs between
 * the question and the command, so a skill cannot word the question or fake the answer.
 */
import { answerConfirmation, askConfirmation, type ConfirmState } from '../sdk/confirm-dialog.js';
import type { SkillResponse } from '../sdk/skill.js';
import type { CallScope, CapabilityGate } from './capabilities.js';
import { createSkillContext } from './context.js';

/** The hub's question about the commands the gate held during this call, or undefined when it held none. */
export function askAboutHeld(gate: CapabilityGate, scope: CallScope): SkillResponse | undefined {
  return scope.held?.length ? askConfirmation(scope.held, gate.confirmSettings) : undefined;
}

/** The answer to the hub's question; undefined when the text is no answer (the hub then reads it as a new command). */
export function answerHeld(
  text: string,
  state: ConfirmState,
  gate: CapabilityGate,
  scope: CallScope,
  now: () => number,
): Promise<SkillResponse | undefined> {
  const confirmed: CallScope = { ...scope, confirmedByHub: true };
  const ctx = createSkillContext(gate.skillId, {}, now, (method, args) => gate.invoke(method, args, confirmed));
  return answerConfirmation(text, state, gate.confirmSettings, ctx);
}
