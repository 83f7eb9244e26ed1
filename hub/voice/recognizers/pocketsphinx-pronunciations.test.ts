import { describe, expect, it } from 'vitest';
import { pronunciationsFor } from './pocketsphinx-pronunciations.js';

describe('pronunciationsFor', () => {
  it('puts the preferred pronunciation first and keeps the dictionary ones as variants', () => {
    expect(pronunciationsFor('unlock', ['AH N L AA K'])).toEqual(['AA N L AA K', 'AH N L AA K']);
  });
  it('leaves other words as the dictionary has them', () => {
    expect(pronunciationsFor('lock', ['L AA K'])).toEqual(['L AA K']);
    expect(pronunciationsFor('lamps', [])).toEqual([]);
  });
});
