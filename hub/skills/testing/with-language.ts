/** The skills runtime as the hub wires it, for tests: a real LanguageService over the same devices and household. */
import { systemClock, type Clock } from '../../core/clock.js';
import { silentLogger } from '../../core/logger.js';
import type { HouseholdService } from '../../devices/contracts.js';
import { LanguageService } from '../../language/service.js';
import type { SkillDefinition } from '../../sdk/skill.js';
import { skillsConfigSchema, type SkillsConfig } from '../config.js';
import { startSkills } from '../index.js';
import { languagePortFor } from '../language-adapter.js';
import type { SkillRuntimeDeps } from '../runtime.js';

export type SkillsWithLanguageOptions = Omit<
  SkillRuntimeDeps,
  'language' | 'log' | 'clock' | 'config' | 'hubVersion'
> & {
  household: HouseholdService;
  dataDir: string;
  builtins: readonly SkillDefinition[];
  /** Default: `skillsConfigSchema.parse({})`. */
  config?: SkillsConfig;
  /** Default: the system clock. */
  clock?: Clock;
};

export async function startSkillsWithLanguage({ household, config, clock, ...deps }: SkillsWithLanguageOptions) {
  const language = new LanguageService({ devices: deps.devices, household, bus: deps.bus, log: silentLogger });
  await language.start();
  const skills = await startSkills({
    ...deps,
    language: languagePortFor(language),
    log: silentLogger,
    clock: clock ?? systemClock,
    config: config ?? skillsConfigSchema.parse({}),
    hubVersion: '0.1.0',
  });
  return { ...skills, language };
}
