import { describe, expect, it } from 'vitest';
import type { GrammarNode } from '../../language/grammar/ir.js';
import { phrase } from '../../language/grammar/ir.js';
import { sampleGrammar } from './grammar-sampler.js';

const names = ['kitchen light', 'porch light', 'desk lamp', 'front door', 'garage door', 'hall fan', 'attic fan'];
const nameList: GrammarNode = { kind: 'alt', options: names.map((n) => phrase(n.split(' '))), optional: false };
const onOff: GrammarNode = { kind: 'alt', options: [phrase(['on']), phrase(['off'])], optional: false };
const please: GrammarNode = { kind: 'alt', options: [phrase(['please'])], optional: true };

function counter(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 48271) % 2147483647) / 2147483647;
}

describe('sampleGrammar', () => {
  const source = {
    rules: [{ name: 'list_name', kind: 'list' as const, body: nameList }],
    sentenceBodies: new Map<string, GrammarNode[]>([
      [
        'intent_Switch',
        [
          {
            kind: 'seq',
            items: [phrase(['turn']), onOff, phrase(['the']), { kind: 'ref', rule: 'list_name' }, please],
          },
        ],
      ],
    ]),
  };

  it('says every option of every list, each in more than one sentence', () => {
    const sentences = sampleGrammar(source, { random: counter(7), minPerIntent: 1 }).map((s) => s.words.join(' '));
    for (const name of names) expect(sentences.filter((s) => s.includes(name)).length).toBeGreaterThanOrEqual(2);
    expect(sentences.some((s) => s.endsWith('please'))).toBe(true);
    expect(sentences.some((s) => !s.endsWith('please'))).toBe(true);
    expect(sentences.every((s) => /^turn (on|off) the [a-z ]+$/.test(s))).toBe(true);
  });

  it('draws the same sentences from the same seed', () => {
    const a = sampleGrammar(source, { random: counter(3) });
    const b = sampleGrammar(source, { random: counter(3) });
    expect(a).toEqual(b);
    expect(a).toHaveLength(60);
  });

  it('refuses a grammar that refers to itself', () => {
    const loop = { rules: [{ name: 'r', kind: 'rule' as const, body: { kind: 'ref', rule: 'r' } as GrammarNode }] };
    const cyclic = { ...loop, sentenceBodies: new Map([['intent_X', [{ kind: 'ref', rule: 'r' } as GrammarNode]]]) };
    expect(() => sampleGrammar(cyclic, { random: counter(1) })).toThrow(/cycle/);
  });
});
