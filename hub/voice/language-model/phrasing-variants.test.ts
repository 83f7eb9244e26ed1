import { describe, expect, it } from 'vitest';
import type { IntentCues } from '../../sdk/intent-declaration.js';
import { phrasingVariants } from './phrasing-variants.js';

const cues: IntentCues = {
  actions: ['turn off', 'switch off', { words: 'off', weight: 0.75 }, { words: 'close', domains: ['cover'] }],
};
const always = () => 0;

describe('phrasingVariants', () => {
  const lexicon = { cues, fillers: [['please'], ['could', 'you']], knows: () => true, random: always };

  it('says the action with another of the intent cues, its particle after the target, or the particle alone', () => {
    const variants = phrasingVariants('turn off the porch light'.split(' '), lexicon).map((v) => v.join(' '));
    expect(variants).toContain('turn off the porch light');
    expect(variants).toContain('turn the porch light off');
    expect(variants).toContain('porch light off');
    expect(variants).toContain('please turn off the porch light');
    expect(variants).toContain('turn off the porch light please');
  });

  it('never swaps in a cue that only fits some devices, nor words the recogniser cannot say', () => {
    const lexiconWithout = { ...lexicon, knows: (w: string) => w !== 'switch', random: () => 0.99 };
    const variants = phrasingVariants('turn off the porch light'.split(' '), lexiconWithout).map((v) => v.join(' '));
    expect(variants.some((v) => v.startsWith('close') || v.includes('switch'))).toBe(false);
  });

  it('adds only fillers to an intent without cues', () => {
    const variants = phrasingVariants(['what', 'time', 'is', 'it'], { ...lexicon, cues: undefined });
    expect(variants.map((v) => v.join(' '))).toEqual(['please what time is it', 'what time is it please']);
  });
});
