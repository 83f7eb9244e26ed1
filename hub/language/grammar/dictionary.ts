/**
 * Which words the recogniser can say. pocketsphinx only decodes words in its pronouncing
 * dictionary, so the exporter checks every word before it goes into a grammar.
 */
import { readFile } from 'node:fs/promises';
import { HubError } from '../../sdk/errors.js';

/** Debian's pocketsphinx-en-us dictionary (CMU format: `word PH ON EMES`, variants as `word(2)`). */
export const CMUDICT_PATH = '/usr/share/pocketsphinx/model/en-us/cmudict-en-us.dict';

export interface WordDictionary {
  has(word: string): boolean;
  readonly size: number;
}

export function wordSet(words: Iterable<string>): WordDictionary {
  const set = new Set([...words].map((w) => w.toLowerCase()));
  return { has: (word) => set.has(word), size: set.size };
}

/** Parses a CMU-format dictionary: the first field of each line, variant markers removed. */
export function parseCmuDictionary(text: string): WordDictionary {
  const words = new Set<string>();
  for (const line of text.split('\n')) {
    const end = line.search(/\s/);
    const head = end < 0 ? line : line.slice(0, end);
    if (!head || head.startsWith(';;;')) continue;
    words.add(head.replace(/\(\d+\)$/, '').toLowerCase());
  }
  return { has: (word) => words.has(word), size: words.size };
}

export async function loadCmuDictionary(path = CMUDICT_PATH): Promise<WordDictionary> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new HubError(
      'RECOGNIZER_UNAVAILABLE',
      `the pronouncing dictionary ${path} cannot be read (${(err as Error).message}); install pocketsphinx-en-us or point the grammar exporter at another dictionary`,
    );
  }
  return parseCmuDictionary(text);
}
