import { describe, expect, it } from 'vitest';
import { loadCmuDictionary, parseCmuDictionary } from './dictionary.js';

const SAMPLE = [
  ';;; a comment line',
  'the DH AH',
  "the's DH AH Z",
  'the(2) DH IY',
  'LAMP  L AE M P',
  'read R IY D',
  'read(2) R EH D',
  '',
].join('\n');

describe('CMU pronouncing dictionary', () => {
  const dictionary = parseCmuDictionary(SAMPLE);

  it('knows head words, case-insensitively, and counts each word once', () => {
    expect(dictionary.has('the')).toBe(true);
    expect(dictionary.has("the's")).toBe(true);
    expect(dictionary.has('lamp')).toBe(true);
    expect(dictionary.has('Lamp')).toBe(true);
    expect(dictionary.has('th')).toBe(false);
    expect(dictionary.has('the(2)')).toBe(false);
    expect(dictionary.has(';;;')).toBe(false);
    expect(dictionary.size).toBe(4);
  });

  it('returns every pronunciation, the main one first, even when a variant is not next to it', () => {
    expect(dictionary.pronunciations('the')).toEqual(['DH AH', 'DH IY']);
    expect(dictionary.pronunciations('read')).toEqual(['R IY D', 'R EH D']);
    expect(dictionary.pronunciations('lamp')).toEqual(['L AE M P']);
    expect(dictionary.pronunciations('lamps')).toEqual([]);
  });

  it('indexes the whole Debian en-us dictionary', async () => {
    const full = await loadCmuDictionary();
    expect(full.size).toBeGreaterThan(100_000);
    expect(full.pronunciations('eighteen')).toEqual(['EY T IY N']);
    expect(full.pronunciations('the')).toEqual(['DH AH', 'DH IY']);
    expect(full.has('thermostat')).toBe(true);
    expect(full.has('hearthx')).toBe(false);
  });

  it('names the path when the dictionary cannot be read', async () => {
    await expect(loadCmuDictionary('/nonexistent/dict')).rejects.toThrow(/\/nonexistent\/dict.*pocketsphinx-en-us/);
  });
});
