import { beforeAll, describe, expect, it } from 'vitest';
import { LanguageService } from '../service.js';
import { buildHousehold } from '../testing/household.js';
import { loadCmuDictionary, type WordDictionary } from './dictionary.js';
import { deviceNameScopes, exportGrammar, type GrammarExportOptions } from './export.js';
import { spellDigits } from './lexicon.js';
import { jsgfSentences } from './testing/sentences.js';
import { addBuiltinIntents } from '../../../test/harness/language.js';

let dictionary: WordDictionary;
beforeAll(async () => {
  dictionary = await loadCmuDictionary();
});

async function exportFor(
  extra: number,
  options: GrammarExportOptions = {},
  edit?: (h: ReturnType<typeof buildHousehold>) => void,
) {
  const household = buildHousehold(extra);
  edit?.(household);
  const language = new LanguageService(household);
  await language.start();
  addBuiltinIntents(language);
  const { registry } = language;
  return exportGrammar(
    { templates: registry.templates(), rules: registry.ruleTable(), lists: registry.lists },
    { dictionary, ...options },
  );
}

function rule(jsgf: string, name: string): string {
  const line = jsgf.split('\n').find((l) => l.startsWith(`<${name}> = `));
  if (!line) throw new Error(`no rule <${name}>`);
  return line.slice(name.length + 5, -1);
}

/** The rule's sentences (the exporter factors rules, so the text is not a plain list). */
const said = jsgfSentences;

describe('exportGrammar', () => {
  it('writes one public command over per-intent rules, with slot lists as their own rules', async () => {
    const grammar = await exportFor(0);
    expect(grammar.jsgf.startsWith('#JSGF V1.0;\ngrammar hearth;\n')).toBe(true);
    const command = /^public <command> = (.*);$/m.exec(grammar.jsgf)![1]!;
    expect(command.split(' | ')).toContain('<intent_HassTurnOn>');
    expect(command.split(' | ')).toContain('<intent_HassStartTimer>');
    expect(said(grammar.jsgf, 'list_area')).toEqual(
      expect.arrayContaining(['kitchen', 'living room', 'lounge', 'front room']),
    );
    expect(said(grammar.jsgf, 'list_name')).toEqual(
      expect.arrayContaining(['kitchen light', 'floor lamp', 'robbie', 'television']),
    );
    // A device name is listed once, in its list, and sentences refer to it.
    expect(grammar.jsgf.match(/\bchristmas tree\b/g)).toHaveLength(1);
    expect(rule(grammar.jsgf, 'intent_HassTurnOn')).toContain('<rule_name>');
    expect(rule(grammar.jsgf, 'rule_name')).toContain('<list_name>');
  });

  it('stays bounded with 500 devices: it grows by the names, not by names × sentences', async () => {
    const small = await exportFor(0);
    const large = await exportFor(500);
    const addedNameBytes = rule(large.jsgf, 'list_name').length - rule(small.jsgf, 'list_name').length;
    expect(large.stats.jsgfBytes - small.stats.jsgfBytes).toBeLessThan(addedNameBytes * 1.2);
    expect(large.stats.jsgfBytes).toBeLessThan(80_000);
    expect(large.stats.phrases).toBeLessThan(small.stats.phrases + 1000);
    expect(large.stats.phrasesTruncated).toBe(false);
  });

  it('spells digits as words and only uses lowercase dictionary words', async () => {
    const grammar = await exportFor(0, {}, ({ devices }) => {
      devices.add({ id: 'lamp2', name: 'Lamp 21', area: 'office', type: 'light' }, 'config');
    });
    expect(said(grammar.jsgf, 'list_name')).toContain('lamp twenty one');
    for (const word of grammar.words) {
      expect(word).toMatch(/^[a-z][a-z'-]*$/);
      expect(dictionary.has(word)).toBe(true);
    }
    expect(spellDigits('2024')).toEqual(['two', 'thousand', 'and', 'twenty', 'four']);
    expect(spellDigits('7.5')).toEqual(['seven', 'point', 'five']);
  });

  it('reports words missing from the dictionary and drops them, unless a pronunciation is given', async () => {
    const addLavazza = ({ devices }: ReturnType<typeof buildHousehold>) => {
      devices.add(
        { id: 'espresso', name: 'Lavazza', aliases: ['espresso machine'], area: 'kitchen', type: 'switch' },
        'config',
      );
    };
    const dropped = await exportFor(0, {}, addLavazza);
    expect(dropped.unknownWords).toContainEqual({ word: 'lavazza', in: 'lavazza' });
    expect(dropped.jsgf).not.toContain('lavazza');
    expect(said(dropped.jsgf, 'list_name')).toContain('espresso machine');

    const kept = await exportFor(0, { pronunciations: { lavazza: 'L AH V AA T S AH' } }, addLavazza);
    expect(kept.unknownWords.map((u) => u.word)).not.toContain('lavazza');
    expect(said(kept.jsgf, 'list_name')).toContain('lavazza');
    expect(kept.pronunciations).toEqual({ lavazza: 'L AH V AA T S AH' });
  });

  it('leaves out wildcard sentences unless a vocabulary is given, and then lists it', async () => {
    const bare = await exportFor(0);
    expect(bare.leftOut.wildcards).toEqual(expect.arrayContaining(['item', 'product', 'search_query']));
    expect(bare.jsgf).not.toContain('<intent_HassShoppingListAddItem>'); // every sentence of it has {item}
    const withWords = await exportFor(0, {
      vocabularies: { item: ['milk', 'dish soap'], search_query: ['jazz'], product: ['coffee beans'] },
    });
    expect(withWords.leftOut.wildcards).not.toContain('item');
    expect(said(withWords.jsgf, 'list_item')).toEqual(['milk', 'dish soap']);
    expect(withWords.jsgf).toContain('<intent_HassShoppingListAddItem>');
    expect(withWords.phrases).toEqual(expect.arrayContaining(['dish soap', 'coffee beans']));
  });

  it('turns number ranges into a bounded number-word grammar', async () => {
    const grammar = await exportFor(0);
    expect(said(grammar.jsgf, 'list_brightness').sort()).toEqual([
      '<num_below_100>',
      'a hundred',
      'one hundred',
      'zero',
    ]);
    expect(said(grammar.jsgf, 'num_below_100').sort()).toEqual([
      '<num_teens>',
      '<num_tens>',
      '<num_tens> <num_units>',
      '<num_units>',
    ]);
    expect(grammar.jsgf.split('\n').filter((l) => l.startsWith('<num_')).length).toBeLessThanOrEqual(6);
  });

  it('produces a Vosk phrase list: short closed lists expanded in the sentence, long ones as their own phrases', async () => {
    const grammar = await exportFor(0, { vocabularies: { item: ['milk'] } });
    const expected = [
      'what time is it',
      'next song',
      'kitchen light',
      'living room',
      'my shopping list',
      'set a timer for',
    ];
    expect(expected.filter((p) => !grammar.phrases.includes(p))).toEqual([]);
    const words = new Set(grammar.words);
    for (const phrase of grammar.phrases) for (const word of phrase.split(' ')) expect(words.has(word)).toBe(true);
    const capped = await exportFor(0, { maxPhrases: 50 });
    expect(capped.phrases).toHaveLength(50);
    expect(capped.stats.phrasesTruncated).toBe(true);
  });
});

describe('exportGrammar with device name scopes', () => {
  async function scoped() {
    const household = buildHousehold(0);
    const language = new LanguageService(household);
    await language.start();
    addBuiltinIntents(language);
    const { registry } = language;
    const source = { templates: registry.templates(), rules: registry.ruleTable(), lists: registry.lists };
    const plain = exportGrammar(source, { dictionary });
    const narrowed = exportGrammar(source, { dictionary, nameScope: deviceNameScopes(household.devices.list()) });
    return { plain, narrowed, language };
  }

  it('lets lock sentences take only locks, cover sentences only covers, and keeps every name for on/off', async () => {
    const { plain, narrowed } = await scoped();
    const locks = said(narrowed.jsgf, 'list_name__lock');
    expect(locks).toEqual(expect.arrayContaining(['front door', 'back door']));
    expect(locks).not.toContain('kitchen light');
    const covers = said(narrowed.jsgf, 'list_name__cover');
    expect(covers).toEqual(expect.arrayContaining(['living room blinds', 'garage door']));
    expect(covers).not.toContain('front door');
    expect(said(narrowed.jsgf, 'list_name')).toEqual(expect.arrayContaining(['kitchen light', 'front door']));
    // Fewer word arcs for the decoder: a scoped list is a part of the full one.
    expect(narrowed.stats.inlinedWords).toBeLessThan(plain.stats.inlinedWords);
  });

  it('still exports every sentence the language service understands for the right device', async () => {
    const { narrowed, language } = await scoped();
    const words = new Set(narrowed.words);
    for (const said of [
      'unlock the front door',
      'open the living room blinds',
      'set the kitchen light to forty percent',
      'turn off the kitchen light',
    ]) {
      expect(said.split(' ').every((w) => words.has(w))).toBe(true);
      expect(language.understand(said).targets.length).toBeGreaterThan(0);
    }
  });
});
