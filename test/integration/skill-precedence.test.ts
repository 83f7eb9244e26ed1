/**
 * Which skill answers a request that an installed (third-party) skill and a built-in skill both accept: the
 * installed skill's own sentences, also against the second stage's reading of parts; the built-in skill keeps every
 * other sentence; the hub's own answers (never mind, yes, no) stay the hub's. A real LanguageService with every
 * built-in skill's intents.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { LanguageService } from '../../hub/language/service.js';
import { buildHousehold } from '../../hub/language/testing/household.js';
import type { IntentDeclaration } from '../../hub/sdk/intent-declaration.js';
import { addBuiltinIntents } from '../harness/language.js';

const cafe: Record<string, IntentDeclaration> = {
  OrderDrink: {
    targets: 'none',
    sentences: [
      '[(can|could) i (get|have)|i (want|would like)] [a|an] [{size}] {drink} [please]',
      'make me [a] {drink}',
    ],
    slots: { drink: { values: ['coffee', 'latte', 'flat white'] }, size: { values: ['small', 'large'] } },
  },
};

describe('an installed skill next to the built-in ones', () => {
  const language = new LanguageService(buildHousehold());
  const heard = (text: string) => {
    const understood = language.understand(text);
    return { intent: understood.intent?.name, owner: understood.owner, slots: understood.intent?.slots };
  };
  beforeAll(async () => {
    await language.start();
    addBuiltinIntents(language);
  });

  it('takes the sentences it declares; the built-in skill keeps the rest and gets them back when it goes', () => {
    const machine = { intent: 'HassTurnOn', owner: 'smart-home' };
    expect(heard('make me a coffee')).toMatchObject(machine);
    expect(heard('i would like a latte')).toMatchObject(machine);

    const overlaps = language.addIntents('cafe', cafe);
    expect(overlaps.length).toBeGreaterThan(0);
    expect(overlaps.every((c) => c.otherOwner === 'smart-home' && c.otherOrigin === 'builtin')).toBe(true);

    expect(heard('make me a coffee')).toEqual({ intent: 'OrderDrink', owner: 'cafe', slots: { drink: 'coffee' } });
    expect(heard('could i get a large latte please')).toEqual({
      intent: 'OrderDrink',
      owner: 'cafe',
      slots: { size: 'large', drink: 'latte' },
    });
    // Sentences the skill does not declare stay with the built-in skill.
    expect(heard('could i have a cup of coffee')).toMatchObject(machine);
    expect(heard('start the coffee machine')).toMatchObject({ ...machine, slots: { name: 'Coffee Maker' } });
    expect(heard('brew me a latte')).toMatchObject(machine);

    language.removeIntents('cafe');
    expect(heard('make me a coffee')).toMatchObject(machine);
  });

  it("keeps a request its sentence fits with a small repair from the second stage's reading of parts", () => {
    const request = 'turn on the kitchen light shows';
    // Without the skill, the parts say: turn on the kitchen light.
    expect(heard(request)).toMatchObject({ intent: 'HassTurnOn', owner: 'smart-home' });
    language.addIntents('party', { LightShow: { targets: 'none', sentences: ['turn on the kitchen light show'] } });
    try {
      expect(heard(request)).toMatchObject({ intent: 'LightShow', owner: 'party' });
      expect(heard('turn on the kitchen light')).toMatchObject({ intent: 'HassTurnOn', owner: 'smart-home' });
    } finally {
      language.removeIntents('party');
    }
  });

  it("does not take the hub's own answers: a skill that declares one collides, and never mind stays the hub's", () => {
    const collisions = language.checkIntents('rude', {
      Dismiss: { targets: 'none', sentences: ['never mind', 'dismiss everything'] },
    });
    expect(collisions).toMatchObject([{ example: 'never mind', otherOwner: 'hub', otherOrigin: 'hub' }]);
    language.addIntents('rude', { Dismiss: { targets: 'none', sentences: ['never mind'] } });
    try {
      expect(heard('never mind')).toMatchObject({ intent: 'HassNevermind' });
    } finally {
      language.removeIntents('rude');
    }
  });

  it('between two installed skills, neither outranks: the collision is reported as one', () => {
    language.addIntents('cafe', cafe);
    try {
      const collisions = language.checkIntents('teahouse', {
        OrderTea: {
          targets: 'none',
          sentences: ['i would like a {drink}'],
          slots: { drink: { values: ['latte', 'chai'] } },
        },
      });
      expect(collisions).toContainEqual(
        expect.objectContaining({ example: 'i would like a latte', otherOwner: 'cafe', otherOrigin: 'installed' }),
      );
    } finally {
      language.removeIntents('cafe');
    }
  });
});
