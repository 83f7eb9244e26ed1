/**
 * The English part words (lexicon/parts-en.ts, the colour list and the device types' `words`) in one phrase trie for
 * the tagger.
 */
import { DEVICE_WORDS } from '../../../device-types/index.js';
import type { DeviceType } from '../../sdk/devices.js';
import { lists } from '../lexicon/en.js';
import {
  ALL_WORDS,
  DURATION_WORDS,
  EXTREME_PHRASES,
  type ExtremeOf,
  FILLER_PHRASES,
  FRACTIONS,
  HERE_WORDS,
  LEVEL_WORDS,
  MAX_WORDS,
  MIN_WORDS,
} from '../lexicon/parts-en.js';
import { PhraseTrie } from './phrase-trie.js';

export type PartWord =
  | { kind: 'class'; domain: DeviceType; deviceClass?: string }
  | { kind: 'color'; value: string }
  | { kind: 'extreme'; value: 'max' | 'min'; of?: ExtremeOf }
  | { kind: 'fraction'; percent: number }
  | { kind: 'level'; percent: number }
  | { kind: 'duration'; duration: { hours?: number; minutes?: number; seconds?: number } }
  | { kind: 'all' }
  | { kind: 'here' }
  | { kind: 'filler' };

function build(): PhraseTrie<PartWord> {
  const trie = new PhraseTrie<PartWord>();
  // The nouns a type declares in its folder (`words`).
  for (const { word, domain, deviceClass } of DEVICE_WORDS)
    trie.add(word, deviceClass ? { kind: 'class', domain, deviceClass } : { kind: 'class', domain });
  const colors = lists.color;
  if (colors?.kind === 'values') for (const c of colors.values) trie.add(c.in, { kind: 'color', value: String(c.out) });
  for (const w of MAX_WORDS) trie.add(w, { kind: 'extreme', value: 'max' });
  for (const w of MIN_WORDS) trie.add(w, { kind: 'extreme', value: 'min' });
  for (const [w, value, of] of EXTREME_PHRASES)
    trie.add(w, of ? { kind: 'extreme', value, of } : { kind: 'extreme', value });
  for (const [w, percent] of FRACTIONS) trie.add(w, { kind: 'fraction', percent });
  for (const [w, percent] of LEVEL_WORDS) trie.add(w, { kind: 'level', percent });
  for (const [w, duration] of DURATION_WORDS) trie.add(w, { kind: 'duration', duration });
  for (const w of ALL_WORDS) trie.add(w, { kind: 'all' });
  for (const w of HERE_WORDS) trie.add(w, { kind: 'here' });
  for (const w of FILLER_PHRASES) trie.add(w, { kind: 'filler' });
  return trie;
}

export const PART_WORDS = build();
