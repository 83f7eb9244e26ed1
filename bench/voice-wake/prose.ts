/**
 * Ordinary talk that is not meant for the hub: the quotations, jokes and riddles of Debian's fortunes-min package
 * (`/usr/share/games/fortunes`), read out as passages of about `words` words each (attribution lines dropped).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const FORTUNES_DIR = '/usr/share/games/fortunes';
const FILES = ['literature', 'fortunes', 'riddles'];

export function prosePassages(words = 120): string[] {
  const missing = FILES.filter((f) => !existsSync(join(FORTUNES_DIR, f)));
  if (missing.length) throw new Error(`${missing.join(', ')} not in ${FORTUNES_DIR}: apt-get install -y fortunes-min`);
  const entries = FILES.flatMap((f) =>
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
