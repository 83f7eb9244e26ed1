/** Adapts hub/language's LanguageService to the narrow LanguagePort the skills runtime uses. */
import type { LanguageService } from '../language/service.js';
import type { IntentCollision, IntentOrigin } from '../language/intent-registry.js';
import type { UtteranceContext } from '../sdk/intents.js';
import type { IntentDeclaration } from '../sdk/intent-declaration.js';
import type { LanguagePort, SentenceCollision, Understanding } from './ports.js';

function toCollision(c: IntentCollision): SentenceCollision {
  return {
    sentence: c.sentence,
    intent: c.intent,
    otherSkill: c.otherOwner,
    otherOrigin: c.otherOrigin,
    otherIntent: c.otherIntent,
    example: c.example,
  };
}

export function languagePortFor(service: LanguageService): LanguagePort {
  return {
    understand(text: string, context: UtteranceContext): Understanding {
      const u = service.understand(text, context);
      const out: Understanding = { confidence: u.confidence, targets: u.targets };
      if (u.intent) out.intent = u.intent;
      // Two devices fit the name: hand the candidates to the skill, which asks "which one?".
      if (u.ambiguity && out.targets.length === 0) out.targets = u.ambiguity.candidates.map((c) => c.id);
      if (u.suggestion && !u.intent) out.suggestion = u.suggestion;
      if (u.notUnderstood && !u.intent) out.notUnderstood = u.notUnderstood;
      return out;
    },
    addSkillIntents: (
      skillId: string,
      intents: Record<string, IntentDeclaration>,
      options?: { checkCollisions?: boolean; origin?: IntentOrigin },
    ) => service.addIntents(skillId, intents, options).map(toCollision),
    checkSkillIntents: (skillId: string, intents: Record<string, IntentDeclaration>) =>
      service.checkIntents(skillId, intents).map(toCollision),
    removeSkillIntents: (skillId: string) => service.removeIntents(skillId),
  };
}
