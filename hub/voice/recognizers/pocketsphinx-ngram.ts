/** Loading an n-gram language model (ARPA text) as a pocketsphinx search, beside the grammar searches. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HubError } from '../../sdk/errors.js';
import { offThread, type PocketsphinxApi } from './pocketsphinx-library.js';

/**
 * The language weight an n-gram search is built with. The decoder's -lw (4) was tuned for the command grammar, where
 * the weight only scales branch costs; an n-gram search scores every word transition, and the library's own default
 * for it is 6.5 (its later passes keep -fwdflatlw 8.5 and -bestpathlw 9.5). Measured in BENCHMARKS.md.
 */
export const NGRAM_LANGUAGE_WEIGHT = 6.5;

/**
 * Builds the search `name` from `arpa` (replacing one of that name) and makes it current. The decoder must already
 * know every word of the model: words it lacks are left out of the search.
 */
export async function loadNgramSearch(
  api: PocketsphinxApi,
  decoder: unknown,
  name: string,
  arpa: string,
  grammarWeight: number,
): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-lm-'));
  const config = api.getConfig(decoder);
  try {
    const path = join(dir, 'command.arpa');
    writeFileSync(path, arpa);
    // The search reads its weight from the decoder's configuration when it is built; the grammar searches built
    // later read it too, so it is put back at once.
    api.cmdLnSetFloat(config, '-lw', NGRAM_LANGUAGE_WEIGHT);
    api.cmdLnSetInt(config, '-bestpath', 0);
    const status = await offThread<number>(api.setLmFile, decoder, name, path);
    if (status < 0 || api.setSearch(decoder, name) < 0)
      throw new HubError(
        'VALIDATION_FAILED',
        'pocketsphinx rejected the command language model (not ARPA, or no word it knows); check hub/voice/language-model',
      );
  } finally {
    api.cmdLnSetFloat(config, '-lw', grammarWeight);
    api.cmdLnSetInt(config, '-bestpath', 1);
    rmSync(dir, { recursive: true, force: true });
  }
}
