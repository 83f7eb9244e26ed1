/**
 * Ordinary talk that is not meant for the hub: quotations, jokes, riddles, sayings and stories from Debian's fortune
 * files (`/usr/share/games/fortunes`), read out as passages of about `words` words each (attribution lines dropped).
 * Two parts that share no text: thresholds are calibrated on one and false wakes reported on the other.
 *   calibration: fortunes-min's literature, fortunes and riddles (the prose of the first measurements);
 *   held-out: the `fortunes` package's people, wisdom, love, food, kids, work and education.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const FORTUNES_DIR = '/usr/share/games/fortunes';
export const PROSE_PARTS = {
  calibration: { files: ['literature', 'fortunes', 'riddles'], apt: 'fortunes-min' },
  'held-out': { files: ['people', 'wisdom', 'love', 'food', 'kids', 'work', 'education'], apt: 'fortunes' },
} as const;
export type ProsePart = keyof typeof PROSE_PARTS;

export function prosePassages(part: ProsePart = 'calibration', words = 120): string[] {
  const { files, apt } = PROSE_PARTS[part];
  const missing = files.filter((f) => !existsSync(join(FORTUNES_DIR, f)));
  if (missing.length) throw new Error(`${missing.join(', ')} not in ${FORTUNES_DIR}: apt-get install -y ${apt}`);
  const entries = files.flatMap((f) =>
    readFileSync(join(FORTUNES_DIR, f), 'utf8')
      .split(/^%$/m)
      .map((entry) =>
        entry
          .split('\n')
          .filter((line) => !/^\s*--/.test(line))
          .join(' ')
          .replace(/\s+/g, ' ')
          .trim(),
      )
      .filter((text) => /[a-z]/i.test(text)),
  );
  const passages: string[] = [];
  let current: string[] = [];
  let count = 0;
  for (const entry of entries) {
    current.push(/[.!?"')]$/.test(entry) ? entry : `${entry}.`);
    count += entry.split(' ').length;
    if (count >= words) {
      passages.push(current.join(' '));
      current = [];
      count = 0;
    }
  }
  if (current.length) passages.push(current.join(' '));
  return passages;
}
