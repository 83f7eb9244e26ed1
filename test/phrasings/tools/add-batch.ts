/**
 * Turns one authored batch into test/phrasings/dev/<batch>.jsonl and sealed/<batch>.jsonl: each kind's sentences are
 * shuffled (seeded) and the first 40 % go to dev. Prints only the counts per kind.
 *   node --import tsx test/phrasings/tools/add-batch.ts <batch> <authoring file> [--seed N] [--dev-share 0.4]
 * `--dev-share 0` makes a sealed-only batch (no dev file).
 * Without --seed a random seed is drawn and printed; the same seed and file give the same split again.
 */
import { randomInt } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from '../../harness/seeded-random.js';
import { loadSplit, splitDir, type PhrasingCase } from '../lib/cases.js';
import { Household, PHRASINGS_DIR } from '../lib/household.js';
import { parseAuthoring } from './authoring.js';
import { expandGroups } from './expand.js';
import { sentenceKey } from './near-copies.js';
import { teamSentenceKeys } from './team-sentences.js';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function shuffled<T>(items: T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const [batch, file] = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !all[i - 1]?.startsWith('--'));
if (!batch || !file || !/^[a-z0-9-]+$/.test(batch)) {
  console.error('usage: add-batch.ts <batch id, e.g. b1> <authoring file> [--seed N] [--dev-share 0.4]');
  process.exit(2);
}
const seed = Number(option('--seed') ?? randomInt(1, 2 ** 31));
const devShare = Number(option('--dev-share') ?? 0.4);
const home = Household.load();
const cases: PhrasingCase[] = expandGroups(parseAuthoring(readFileSync(file, 'utf8'), file), home, file).map(
  (c, i) => ({
    id: `${batch}-${String(i + 1).padStart(4, '0')}`,
    ...c,
  }),
);

const sameSentence = (a: PhrasingCase, b: PhrasingCase) =>
  a.text.toLowerCase() === b.text.toLowerCase() && a.area === b.area;
const others = [...loadSplit('dev'), ...loadSplit('sealed')].filter((c) => !c.id.startsWith(`${batch}-`));
// Within the batch one sentence may be heard in two rooms; another batch's sentence in any room is a copy.
const earlierKeys = new Set(others.map((o) => sentenceKey(o.text)));
const duplicates = cases.filter(
  (c, i) => cases.findIndex((o) => sameSentence(o, c)) !== i || earlierKeys.has(sentenceKey(c.text)),
);
if (duplicates.length) {
  console.error(
    `sentences already in this batch, or near copies of another batch's (tools/near-copies.ts): ${duplicates.map((d) => `${d.id} "${d.text}"`).join(', ')}`,
  );
  process.exit(1);
}
// A new batch may hold nothing the team wrote. Regenerating a landed batch only warns: its dev sentences may since
// have been quoted in the code, which the test-set engineer should know of but cannot undo.
const teamKeys = teamSentenceKeys(join(PHRASINGS_DIR, '..', '..'));
const writtenByTeam = cases.filter((c) => teamKeys.has(sentenceKey(c.text)));
const landed = existsSync(join(splitDir('sealed'), `${batch}.jsonl`));
if (writtenByTeam.length) {
  console.error(
    `${landed ? 'warning: ' : ''}sentences the team has written in the code or tests, so not held out (tools/team-sentences.ts): ${writtenByTeam.map((d) => `${d.id} "${d.text}"`).join(', ')}`,
  );
  if (!landed) process.exit(1);
}

const random = seededRandom(seed);
const dev = new Set<string>();
const kinds = [...new Set(cases.map((c) => c.kind))].sort();
for (const kind of kinds) {
  const ofKind = shuffled(
    cases.filter((c) => c.kind === kind),
    random,
  );
  ofKind.slice(0, Math.round(ofKind.length * devShare)).forEach((c) => dev.add(c.id));
}
const lines = (keep: (c: PhrasingCase) => boolean) =>
  cases
    .filter(keep)
    .map((c) => JSON.stringify(c))
    .join('\n') + '\n';
// A sealed-only batch (--dev-share 0) has no dev file: an empty one would only say nothing.
if (dev.size > 0)
  writeFileSync(
    join(splitDir('dev'), `${batch}.jsonl`),
    lines((c) => dev.has(c.id)),
  );
writeFileSync(
  join(splitDir('sealed'), `${batch}.jsonl`),
  lines((c) => !dev.has(c.id)),
);

console.log(`batch ${batch}: ${cases.length} sentences, seed ${seed}`);
for (const kind of kinds) {
  const n = cases.filter((c) => c.kind === kind).length;
  const d = cases.filter((c) => c.kind === kind && dev.has(c.id)).length;
  console.log(
    `  ${kind.padEnd(18)} ${String(n).padStart(4)}  dev ${String(d).padStart(3)}  sealed ${String(n - d).padStart(3)}`,
  );
}
