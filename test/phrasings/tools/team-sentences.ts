/**
 * The sentences the team has written: every quoted string, comment example and case-table row in the tracked files
 * outside test/phrasings (templates, lexicons, skills, tests, benches, docs). A held-out sentence with the near-copy
 * key of one of them (near-copies.ts) was written by the team, so it would measure memory, not understanding. Only
 * the keys are kept and only the held-out side is ever printed: the test-set engineer never reads the team's text.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sentenceKey } from './near-copies.js';

const SEARCHED = ['hub', 'skills', 'test', 'bench', 'device-types', 'docs'];
// Quotes, brackets and line ends close a quoted sentence; an apostrophe inside a word ("doesn't") does not.
const QUOTE = /["\u201c\u201d`[\](){}\n]+|(?<![A-Za-z])['\u2018\u2019]|['\u2018\u2019](?![A-Za-z])/;
// A case-table row or a list of examples also breaks at punctuation: "[lights off, HassTurnOff, …]".
const CLAUSE = new RegExp(`${QUOTE.source}|[,.;:!?]+`);
/** Shorter keys ("lights off") are said by everyone; they are no sign of copying. */
const MIN_WORDS = 3;

/** The near-copy keys of every sentence-like piece of one text. */
export function sentenceKeysIn(text: string): Set<string> {
  const keys = new Set<string>();
  for (const splitter of [QUOTE, CLAUSE])
    for (const piece of text.split(splitter)) {
      const key = sentenceKey(piece);
      if (key.split(' ').length >= MIN_WORDS) keys.add(key);
    }
  return keys;
}

/** The keys of everything the team has written in the repository at `root` (git-tracked files). */
export function teamSentenceKeys(root: string): Set<string> {
  const files = execFileSync('git', ['ls-files', '--', ...SEARCHED], { cwd: root, encoding: 'utf8' })
    .split('\n')
    .filter((file) => file !== '' && !file.startsWith('test/phrasings/'));
  const keys = new Set<string>();
  for (const file of files) for (const key of sentenceKeysIn(readFileSync(join(root, file), 'utf8'))) keys.add(key);
  return keys;
}
