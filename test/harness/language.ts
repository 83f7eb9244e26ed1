/**
 * The real LanguageService with the built-in skills' intents, for tests and benches that understand text without a
 * skills runtime (the runtime registers the same declarations when it loads the built-in skills).
 */
import { LanguageService, type LanguageServiceDeps } from '../../hub/language/service.js';
import { builtinSkills } from '../../skills/index.js';

export function addBuiltinIntents(language: LanguageService): void {
  for (const skill of builtinSkills) language.addIntents(skill.id, skill.intents, { checkCollisions: false });
}

export async function startLanguage(deps: LanguageServiceDeps): Promise<LanguageService> {
  const language = new LanguageService(deps);
  await language.start();
  addBuiltinIntents(language);
  return language;
}
