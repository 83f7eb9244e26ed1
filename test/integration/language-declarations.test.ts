/**
 * The intent declarations of the built-in skills (skills/<skill>/intents/) against what the hub builds from them:
 * every sentence reaches the matcher and the recogniser's grammar, every slot a sentence can produce is declared,
 * and no two skills claim the same words.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_VOCABULARIES, exportGrammar } from '../../hub/language/grammar/index.js';
import { dialogueIntents } from '../../hub/language/dialogue.js';
import { tokenize } from '../../hub/language/normalize.js';
import { LanguageService } from '../../hub/language/service.js';
import { buildHousehold } from '../../hub/language/testing/household.js';
import type { IntentDeclaration } from '../../hub/sdk/intent-declaration.js';
import { templatesOf } from '../../hub/skills/sentences.js';
import { builtinSkills } from '../../skills/index.js';
import { addBuiltinIntents } from '../harness/language.js';

const declared: Array<[owner: string, intent: string, declaration: IntentDeclaration]> = [
  ...Object.entries(dialogueIntents).map(([intent, d]) => ['hub', intent, d] as [string, string, IntentDeclaration]),
  ...builtinSkills.flatMap((skill) =>
    Object.entries(skill.intents).map(([intent, d]) => [skill.id, intent, d] as [string, string, IntentDeclaration]),
  ),
];

let language: LanguageService;
beforeAll(async () => {
  language = new LanguageService(buildHousehold());
  await language.start();
  addBuiltinIntents(language);
});

describe('built-in intent declarations', () => {
  it('register every sentence with the skill that declared it', () => {
    const templates = language.registry.templates();
    for (const [owner, intent, declaration] of declared) {
      const registered = templates.filter((t) => t.intent === intent).map((t) => t.sentence);
      expect(registered.length, `${intent} (${owner})`).toBe(templatesOf(declaration).length);
      expect(language.registry.info(intent)?.owner).toBe(owner);
    }
    expect(templates.length).toBe(declared.reduce((n, [, , d]) => n + templatesOf(d).length, 0));
  });

  it('declare every slot their sentences can produce', () => {
    const slotsOf = new Map(declared.map(([, intent, d]) => [intent, new Set(Object.keys(d.slots ?? {}))]));
    const undeclared: string[] = [];
    for (const template of language.registry.templates()) {
      const allowed = slotsOf.get(template.intent)!;
      const produced = [
        ...Object.keys(template.fixedSlots),
        ...template.states.flat().flatMap((e) => (e.kind === 'slot' ? [e.slot] : [])),
      ];
      for (const slot of produced)
        if (!allowed.has(slot)) undeclared.push(`${template.intent}.${slot} in "${template.sentence}"`);
    }
    expect([...new Set(undeclared)]).toEqual([]);
  });

  // Overlaps are allowed when the matcher settles them (a higher priority, fewer words swallowed by a wildcard),
  // never by the order in which the skills happened to register.
  it('settle every sentence two skills share by priority or precision, not by registration order', () => {
    const matcher = language.registry.matcher();
    const ties = builtinSkills.flatMap((skill) =>
      language.checkIntents(skill.id, skill.intents).flatMap((c) => {
        const ranked = matcher.rankExact(tokenize(c.example));
        const [best] = ranked;
        const rival = ranked.find((m) => m.template.intent !== best?.template.intent);
        if (
          !best ||
          !rival ||
          best.wildcardTokens !== rival.wildcardTokens ||
          best.template.priority !== rival.template.priority
        )
          return [];
        return [
          `"${c.example}": ${best.template.intent} "${best.template.sentence}" or ${rival.template.intent} "${rival.template.sentence}"`,
        ];
      }),
    );
    expect([...new Set(ties)]).toEqual([]);
  });

  it("reach the recogniser's grammar: every sentence is in it or listed as left out, none left out with the default vocabularies and a catalog", () => {
    const registry = language.registry;
    const grammar = exportGrammar(
      { templates: registry.templates(), rules: registry.ruleTable(), lists: registry.lists },
      { vocabularies: { ...DEFAULT_VOCABULARIES, product: ['coffee'] } },
    );
    expect(grammar.stats.templates).toBe(declared.reduce((n, [, , d]) => n + templatesOf(d).length, 0));
    expect(grammar.leftOut.sentences).toEqual([]);
    // An intent whose every block is typed-only (`spoken: false`) is kept out of the grammar on purpose.
    const spokenBlocks = (d: IntentDeclaration) =>
      d.sentences.filter((entry) => typeof entry === 'string' || entry.spoken !== false);
    const intentsWithSpokenSentences = new Set(
      declared.filter(([, , d]) => spokenBlocks(d).length > 0).map(([, intent]) => intent),
    );
    expect(grammar.stats.intents).toBe(intentsWithSpokenSentences.size);
    for (const intent of intentsWithSpokenSentences) expect(grammar.jsgf, intent).toContain(`<intent_${intent}>`);
    for (const [, intent, d] of declared) {
      if (spokenBlocks(d).length === 0) expect(grammar.jsgf, intent).not.toContain(`<intent_${intent}>`);
    }
  });
});
