import { beforeAll, describe, expect, it } from 'vitest';
import { LanguageService } from '../service.js';
import { buildHousehold } from '../testing/household.js';
import { buildGrammar, type BuildOptions } from './builder.js';
import { loadCmuDictionary, type WordDictionary } from './dictionary.js';
import { deviceNameScopes, exportGrammar, inlinedWords } from './export.js';
import { factorRules } from './factor.js';
import { phrase, type GrammarNode, type GrammarRule } from './ir.js';
import { writeJsgf } from './jsgf.js';
import { writePhrases } from './phrases.js';
import { jsgfRule, sentencesOf } from './testing/sentences.js';
import { DEFAULT_VOCABULARIES } from './vocabularies.js';
import { addBuiltinIntents } from '../../../test/harness/language.js';

let dictionary: WordDictionary;
beforeAll(async () => {
  dictionary = await loadCmuDictionary();
});

const ref = (rule: string): GrammarNode => ({ kind: 'ref', rule });
const words = (text: string) => phrase(text.split(' '));
const seqOf = (...items: GrammarNode[]): GrammarNode => ({ kind: 'seq', items });
const rule = (name: string, body: GrammarNode): GrammarRule => ({ name, kind: 'rule', body });

async function household(extra: number, scoped: boolean) {
  const house = buildHousehold(extra);
  const language = new LanguageService(house);
  await language.start();
  addBuiltinIntents(language);
  const { registry } = language;
  const source = { templates: registry.templates(), rules: registry.ruleTable(), lists: registry.lists };
  const options: BuildOptions = {
    dictionary,
    vocabularies: DEFAULT_VOCABULARIES,
    ...(scoped ? { nameScope: deviceNameScopes(house.devices.list()) } : {}),
  };
  return { source, options };
}

describe('factorRules', () => {
  it('writes a rule shared by several sentences once, after their merged beginnings', () => {
    const duration = rule('duration', words('five minutes'));
    const timer = rule('timer', {
      kind: 'alt',
      optional: false,
      options: [
        seqOf(words('set a timer for'), ref('duration')),
        seqOf(words('start a timer for'), ref('duration')),
        ref('duration'),
      ],
    });
    const [factored] = factorRules([timer, duration]);
    expect(writeJsgf({ rules: [factored!], intentRules: [] } as never)).toContain(
      '<timer> = [(set | start) a timer for] <duration>;',
    );
    expect(sentencesOf(factored!.body)).toEqual(sentencesOf(timer.body));
    expect(inlinedWords([factored!, duration], ['timer'])).toBeLessThan(inlinedWords([timer, duration], ['timer']));
  });

  it('leaves a rule alone when nothing is shared', () => {
    const body: GrammarNode = { kind: 'alt', optional: false, options: [words('lights on'), words('what time is it')] };
    expect(factorRules([rule('r', body)])[0]!.body).toEqual(body);
  });

  // The invariant: every rule accepts exactly the sentences it did (references kept as symbols, so the whole grammar does too).
  it.each([
    ['test household, every name everywhere', 0, false],
    ['test household, names scoped per sentence', 0, true],
    ['test household + 30 devices, scoped', 30, true],
  ])('keeps the language of every rule: %s', async (_, extra, scoped) => {
    const { source, options } = await household(extra, scoped);
    const built = buildGrammar(source, options);
    const factored = factorRules(built.rules);
    expect(factored.map((r) => r.name)).toEqual(built.rules.map((r) => r.name));
    for (const [i, before] of built.rules.entries()) {
      expect([...sentencesOf(factored[i]!.body)].sort(), before.name).toEqual([...sentencesOf(before.body)].sort());
    }
    // And the JSGF text says the same: read back, each rule still has those sentences.
    const jsgf = writeJsgf({ ...built, rules: factored }, {});
    for (const before of built.rules)
      expect(sentencesOf(jsgfRule(jsgf, before.name)), before.name).toEqual(sentencesOf(before.body));
    expect(inlinedWords(factored, built.intentRules)).toBeLessThan(inlinedWords(built.rules, built.intentRules) * 0.85);
  });

  it('leaves the Vosk phrase list as it was', async () => {
    const { source, options } = await household(0, true);
    const before = writePhrases(buildGrammar(source, options), {}).phrases;
    expect([...exportGrammar(source, options).phrases].sort()).toEqual([...before].sort());
  });
});
