import { beforeAll, describe, expect, it } from 'vitest';
import { LanguageService } from '../../hub/language/service.js';
import { buildHousehold } from '../../hub/language/testing/household.js';
import { parseTemplate } from '../../hub/language/template/parser.js';
import { readNumbers } from '../../hub/language/numbers.js';
import { HubError } from '../../hub/sdk/errors.js';
import { addBuiltinIntents } from '../harness/language.js';

describe('LanguageService', () => {
  const house = buildHousehold();
  const language = new LanguageService(house);
  beforeAll(async () => {
    await language.start();
    addBuiltinIntents(language);
  });

  it('reports template errors with position and reason', () => {
    expect(() => parseTemplate('turn on (the light')).toThrow(/opened at position 8 is never closed/);
    expect(() => parseTemplate('turn {name')).toThrow(HubError);
    expect(() => parseTemplate('a ] b')).toThrow(/position 2/);
    expect(() => parseTemplate('[]')).toThrow(/empty optional/);
  });

  it('reads spoken and written numbers', () => {
    const read = (s: string) => readNumbers(s.split(' '), 0)[0]?.value;
    expect(read('fifty')).toBe(50);
    expect(read('twenty one')).toBe(21);
    expect(read('a hundred')).toBe(100);
    expect(read('one hundred and five')).toBe(105);
    expect(read('42')).toBe(42);
    expect(read('seven point five')).toBe(7.5);
    expect(read('banana')).toBeUndefined();
  });

  it('follows device changes without a restart', () => {
    expect(language.understand('turn on the aquarium').targets).toEqual([]);
    house.devices.add({ id: 'aquarium', name: 'Aquarium', area: 'office', type: 'switch' });
    const added = language.understand('turn on the aquarium');
    expect(added.intent).toEqual({ name: 'HassTurnOn', slots: { name: 'Aquarium' } });
    expect(added.targets).toEqual(['aquarium']);
    house.devices.update('aquarium', { name: 'Fish Tank' });
    expect(language.understand('turn on the fish tank').targets).toEqual(['aquarium']);
    house.devices.remove('aquarium');
    expect(language.understand('turn on the fish tank').targets).toEqual([]);
  });

  it('follows area changes', () => {
    house.household.addArea({ id: 'attic', name: 'Attic', aliases: ['loft'] });
    expect(language.understand('turn off the lights in the loft').intent?.slots.area).toBe('Attic');
  });

  it('asks which one when a name fits two devices, unless the satellite area settles it', () => {
    const open = language.understand('turn on the lamp');
    expect(open.ambiguity?.candidates.map((c) => c.id).sort()).toEqual(['bedroom_lamp', 'office_lamp']);
    expect(language.understand('turn on the lamp', { area: 'office' }).targets).toEqual(['office_lamp']);
  });

  it('tolerates a near-miss name and a dropped grammar word, with confidence below 1', () => {
    const near = language.understand('turn on the chandelir');
    expect(near.intent?.slots.name).toBe('Chandelier');
    expect(near.confidence).toBeLessThan(1);
    const dropped = language.understand('what time is');
    expect(dropped.intent?.name).toBe('HassGetCurrentTime');
    expect(dropped.confidence).toBeLessThan(1);
  });

  it('does not guess a word that decides what happens: "turn the kettle" could be on or off', () => {
    const guess = language.understand('turn the kettle');
    expect(guess.intent).toBeUndefined();
    expect(guess.notUnderstood).toEqual(['turn']);
  });

  it('answers "not understood" with a suggestion', () => {
    const result = language.understand('flibber the wobble temperature gadget now');
    expect(result.intent).toBeUndefined();
    expect(result.confidence).toBe(0);
    expect(result.suggestion).toBeTypeOf('string');
  });

  it('passes free text on as written (apostrophes kept), while names looked up later stay normalised', () => {
    expect(language.understand("announce that grandma's car just pulled in").intent).toEqual({
      name: 'HassBroadcast',
      slots: { message: "grandma's car just pulled in" },
    });
    expect(language.understand("put Emma's birthday candles on the shopping list").intent?.slots.item).toBe(
      "Emma's birthday candles",
    );
    expect(language.understand("start a timer called dad's tea for 4 minutes").intent?.slots.name).toBe('dad tea');
  });

  it('registers skill intents and names colliding sentences', () => {
    const collisions = language.addIntents('weather', {
      GetWeather: {
        targets: 'none',
        sentences: ["what's the weather [like] [in {city}]", 'what time is it'],
        slots: { city: { values: ['paris', 'london'] } },
      },
    });
    expect(collisions.map((c) => [c.sentence, c.otherIntent])).toContainEqual([
      'what time is it',
      'HassGetCurrentTime',
    ]);
    expect(language.understand('what is the weather like in paris').intent).toEqual({
      name: 'GetWeather',
      slots: { city: 'paris' },
    });
    language.removeIntents('weather');
    expect(language.understand('what is the weather like in paris').intent).toBeUndefined();
  });

  // Speed is measured in bench/language.bench.ts; here only that every string gets an answer (the time limit is only a
  // hang guard, generous for a loaded 2-core machine).
  it('survives 10,000 random strings', () => {
    let seed = 42;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const words = [
      'turn',
      'on',
      'the',
      'light',
      'kitchen',
      'timer',
      'set',
      'for',
      'minutes',
      'add',
      'to',
      'list',
      'play',
      'a',
      'hundred',
      'and',
      'in',
    ];
    const samples: string[] = [
      '',
      ' ',
      '\u0000',
      'x'.repeat(100_000),
      'turn on the '.repeat(10_000),
      '😀'.repeat(5000),
    ];
    while (samples.length < 10_000) {
      const kind = rand();
      const length = Math.floor(rand() * 40);
      if (kind < 0.5) samples.push(Array.from({ length }, () => words[Math.floor(rand() * words.length)]).join(' '));
      else samples.push(Array.from({ length }, () => String.fromCodePoint(Math.floor(rand() * 0x2ffff))).join(''));
    }
    for (const text of samples) {
      const result = language.understand(text);
      expect(result.confidence).toBeGreaterThanOrEqual(0);
      if (result.intent) expect(language.registry.intents()).toContain(result.intent.name);
    }
  }, 600_000);
});
