/**
 * The focused second pass: once the first pass has landed in an intent, the same audio is decoded again with a
 * grammar of that intent's sentences only, searched wider (alternative pronunciations, wider beams). The whole
 * grammar cannot afford those flags: they cost a real-time factor of ~1.5× and let function words' variants
 * ("that" said like "the") win across intents; inside one intent they recover real speakers' slot words
 * (BENCHMARKS.md, "Voice: the focused second pass").
 */
import type { PocketsphinxApi } from './pocketsphinx-library.js';

export interface FocusSearch {
  /** Use the dictionary's alternative pronunciations (`-fsgusealtpron`). */
  alternativePronunciations: boolean;
  /** `-beam`, `-pbeam`, `-wbeam`: probabilities below the best at which paths are pruned (smaller: wider). */
  beam: number;
  phoneBeam: number;
  wordBeam: number;
}

/** Barista-only grammar on real speech half a: 0.848 with the library flags → 0.952 with these (variants.ts). */
export const DEFAULT_FOCUS_SEARCH: FocusSearch = {
  alternativePronunciations: true,
  beam: 1e-60,
  phoneBeam: 1e-60,
  wordBeam: 1e-48,
};

/**
 * Compiles `jsgf` as the search `name` with the focus flags: a search reads them from the decoder's configuration
 * when it is built, so they are set for the build and put back after it (the command grammar keeps its own).
 */
export function compileFocused(
  api: PocketsphinxApi,
  decoder: unknown,
  name: string,
  jsgf: string,
  search: FocusSearch,
): boolean {
  const config = api.getConfig(decoder);
  const beams: [string, number][] = [
    ['-beam', search.beam],
    ['-pbeam', search.phoneBeam],
    ['-wbeam', search.wordBeam],
  ];
  const before = beams.map(([flag]) => [flag, api.cmdLnFloat(config, flag) as number] as const);
  const altBefore = api.cmdLnInt(config, '-fsgusealtpron') as number;
  try {
    for (const [flag, value] of beams) api.cmdLnSetFloat(config, flag, value);
    api.cmdLnSetInt(config, '-fsgusealtpron', search.alternativePronunciations ? 1 : 0);
    return (api.setJsgf(decoder, name, jsgf) as number) >= 0;
  } finally {
    for (const [flag, value] of before) api.cmdLnSetFloat(config, flag, value);
    api.cmdLnSetInt(config, '-fsgusealtpron', altBefore);
  }
}
