/**
 * Adds the built-in skills' intents to a real LanguageService, for tests and benches that understand text without a
 * skills runtime (the runtime registers the same declarations when it loads the built-in skills).
 */
import type { LanguageService } from '../../hub/language/service.js';
import { builtinSkills } from '../../skills/index.js';

export function addBuiltinIntents(language: LanguageService): void {
  for (const skill of builtinSkills)
    language.addIntents(skill.id, skill.intents, { checkCollisions: false, origin: 'builtin' });
}
