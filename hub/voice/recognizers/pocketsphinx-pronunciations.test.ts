import { describe, expect, it } from 'vitest';
import { pronunciationsFor } from './pocketsphinx-pronunciations.js';

describe('pronunciationsFor', () => {
  it('puts the preferred pronunciation first and keeps the dictionary ones as variants', () => {
    expect(pronunciationsFor('unlock', ['AH N L AA K'])).toEqual(['AA N L AA K', 'AH N L AA K']);
  });
  it('leaves other words as the dictionary has them', () => {
    expect(pronunciationsFor('lock', ['L AA K'])).toEqual(['L AA K']);
    expect(pronunciationsFor('lamps', [])).toEqual([]);
    expect(pronunciationsFor('on', ['AA N', 'AO N'])).toEqual(['AA N', 'AO N']);
  });
  it('keeps only the first pronunciation of words that join a command, whose variants sound like one another', () => {
    expect(pronunciationsFor('that', ['DH AE T', 'DH AH T'])).toEqual(['DH AE T']);
    expect(pronunciationsFor('to', ['T UW', 'T IH', 'T AH'])).toEqual(['T UW']);
    expect(pronunciationsFor('the', [])).toEqual([]);
  });
});
