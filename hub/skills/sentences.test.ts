import { describe, expect, it } from 'vitest';
import { expandTemplate, internalCollisions, isConflict, SentenceIndex } from './sentences.js';

describe('sentence expansion', () => {
  it('expands alternatives and optional parts, keeping slots as placeholders', () => {
    expect(expandTemplate('(start|begin) [the] {name:device}').sort()).toEqual(
      ['begin the {name}', 'begin {name}', 'start the {name}', 'start {name}'].sort(),
    );
  });

  it('normalises case and punctuation', () => {
    expect(expandTemplate('What can you do?')).toEqual(['what can you do']);
  });

  it('reads templates as the hub hears them: contractions, any-order groups, and invalid templates expand to nothing', () => {
    expect(expandTemplate("what's on")).toEqual(expandTemplate('what is on'));
    expect(expandTemplate('(turn on;{name})').sort()).toEqual(['turn on {name}', '{name} turn on']);
    expect(expandTemplate('turn on (the')).toEqual([]);
  });

  it('caps huge templates instead of hanging', () => {
    const template = Array.from({ length: 30 }, () => '(a|b)').join(' ');
    expect(expandTemplate(template).length).toBeLessThanOrEqual(2000);
  });
});

describe('SentenceIndex', () => {
  it('names the colliding sentences and their owners', () => {
    const index = new SentenceIndex();
    expect(index.add('weather', { GetWeather: { targets: 'none', sentences: ["what's the weather [like]"] } })).toEqual(
      [],
    );
    const collisions = index.check('forecast', {
      Forecast: { targets: 'none', sentences: ["what's the weather like", 'will it rain'] },
    });
    expect(collisions).toEqual([
      {
        sentence: 'what is the weather like',
        intent: 'Forecast',
        otherSkill: 'weather',
        otherOrigin: 'installed',
        otherIntent: 'GetWeather',
      },
    ]);
    expect(collisions.map(isConflict)).toEqual([true]);
    index.remove('weather');
    expect(index.check('forecast', { Forecast: { targets: 'none', sentences: ["what's the weather like"] } })).toEqual(
      [],
    );
  });

  it("tells a built-in skill's sentences apart: they are information, not a conflict", () => {
    const index = new SentenceIndex();
    index.add('smart-home', { HassTurnOn: { targets: 'none', sentences: ['make [me] a coffee'] } }, 'builtin');
    const collisions = index.check('barista', {
      OrderDrink: { targets: 'none', sentences: ['make me a coffee', 'i would like a latte'] },
    });
    expect(collisions).toMatchObject([
      { sentence: 'make me a coffee', otherSkill: 'smart-home', otherOrigin: 'builtin' },
    ]);
    expect(collisions.map(isConflict)).toEqual([false]);
  });

  it('reports collisions inside one package', () => {
    expect(
      internalCollisions('s', {
        A: { targets: 'none', sentences: ['hello [there]'] },
        B: { targets: 'none', sentences: ['hello'] },
      }),
    ).toHaveLength(1);
  });
});
