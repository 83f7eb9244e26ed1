import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../core/clock.js';
import { LanguageService } from '../service.js';
import { buildHousehold } from '../testing/household.js';
import { GrammarService, type VersionedGrammar } from './grammar-service.js';
import { jsgfSentences } from './testing/sentences.js';
import { addBuiltinIntents } from '../../../test/harness/language.js';

async function setup() {
  const household = buildHousehold(0);
  const clock = new ManualClock();
  const language = new LanguageService(household);
  await language.start();
  addBuiltinIntents(language);
  const grammar = new GrammarService(
    { ...household, language, clock },
    { dictionaryPath: false, debounceMs: 200, pollMs: 1000 },
  );
  const seen: VersionedGrammar[] = [];
  const events: number[] = [];
  household.bus.on('grammarChanged', (e) => events.push(e.version));
  await grammar.start();
  grammar.onGrammarChanged((g) => void seen.push(g));
  return { ...household, clock, language, grammar, seen, events };
}

describe('GrammarService', () => {
  it('exports at start and once per burst of device changes, after the debounce', async () => {
    const { grammar, devices, clock, seen, events } = await setup();
    expect(grammar.current()?.version).toBe(1);
    devices.add({ id: 'p1', name: 'Popcorn Machine', area: 'kitchen', type: 'switch' }, 'config');
    devices.add({ id: 'p2', name: 'Slushie Maker', area: 'kitchen', type: 'switch' }, 'config');
    clock.advance(150);
    expect(seen).toHaveLength(0);
    clock.advance(100);
    expect(seen).toHaveLength(1);
    expect(jsgfSentences(seen[0]!.jsgf, 'list_name')).toEqual(
      expect.arrayContaining(['popcorn machine', 'slushie maker']),
    );
    expect(events).toEqual([1, 2]);
    devices.remove('p1');
    clock.advance(250);
    expect(grammar.current()!.jsgf).not.toContain('popcorn');
    await grammar.stop();
  });

  it('notices new areas and skills’ intents on its periodic check', async () => {
    const { grammar, household, language, clock, seen } = await setup();
    household.addArea({ id: 'attic', name: 'Attic', aliases: ['loft'] });
    language.addIntents('juggler', { JuggleThings: { targets: 'none', sentences: ['juggle the oranges'] } });
    clock.advance(1000);
    clock.advance(200);
    expect(seen).toHaveLength(1);
    expect(jsgfSentences(seen[0]!.jsgf, 'list_area')).toContain('loft');
    expect(seen[0]!.jsgf).toContain('<intent_JuggleThings> = juggle the oranges;');
    language.removeIntents('juggler');
    clock.advance(1200);
    expect(grammar.current()!.jsgf).not.toContain('JuggleThings');
    await grammar.stop();
    household.addArea({ id: 'shed', name: 'Shed', aliases: [] });
    clock.advance(5000);
    expect(grammar.current()!.jsgf).not.toContain('shed');
  });

  it('re-exports when a wildcard vocabulary changes (catalog products)', async () => {
    const { grammar, clock } = await setup();
    expect(grammar.current()!.leftOut.wildcards).toContain('product');
    grammar.setVocabulary('product', ['oat milk', 'coffee beans']);
    clock.advance(200);
    expect(jsgfSentences(grammar.current()!.jsgf, 'list_product').sort()).toEqual(['coffee beans', 'oat milk']);
    await grammar.stop();
  });
});
