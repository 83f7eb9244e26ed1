/**
 * Every frame the understanding gives, written to one file, to prove a speed change changes no result: run before and
 * after, then `cmp` the two files.
 *   node --import tsx bench/language-frames.ts OUT.jsonl
 * In process with the bench household (34 and 500 devices): the team's phrasings, the SLURP dev texts and the
 * held-out dev split. Through a real hub (POST /utterances, dryRun) on each eval's own household: the SLURP dev texts
 * and the dev split, as the evals send them.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { LanguageService } from '../hub/language/service.js';
import { buildHousehold } from '../hub/language/testing/household.js';
import { frameCases } from '../test/harness/frame-cases.js';
import { startTestHub } from '../test/harness/hub.js';
import { addBuiltinIntents } from '../test/harness/language.js';
import { loadSplit } from '../test/phrasings/lib/cases.js';
import { HOUSEHOLD_FILE } from '../test/phrasings/lib/household.js';

interface Utterance {
  text: string;
  area?: string;
}

const REPO = resolve(import.meta.dirname, '..');
const slurpDir = [join(REPO, '../shared/eval/slurp-devel'), join(REPO, '../../shared/eval/slurp-devel')].find((d) =>
  existsSync(d),
)!;
const slurp: Utterance[] = readFileSync(join(slurpDir, 'requests.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((line) => ({ text: (JSON.parse(line) as { text: string }).text, area: 'living_room' }));
const own: Utterance[] = frameCases(new URL('../test/integration/language-phrasings.cases.yaml', import.meta.url)).map(
  ([text, , , area]) => (area ? { text, area } : { text }),
);
const dev: Utterance[] = loadSplit('dev').map((c) => (c.area ? { text: c.text, area: c.area } : { text: c.text }));

const lines: string[] = [];
for (const extra of [0, 466]) {
  const language = new LanguageService(buildHousehold(extra));
  await language.start();
  addBuiltinIntents(language);
  for (const [set, utterances] of Object.entries({ own, slurp, dev }))
    for (const u of utterances) {
      const got = language.understand(u.text, u.area ? { area: u.area } : {});
      lines.push(JSON.stringify({ in: `${extra}/${set}`, text: u.text, area: u.area, got }));
    }
}

for (const [name, file, utterances] of [
  ['slurp-household', join(slurpDir, 'household.yaml'), slurp],
  ['phrasings-household', HOUSEHOLD_FILE, dev],
] as const) {
  const config = parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const hub = await startTestHub({ config: { ...config, voice: { recognizer: 'text' } } });
  try {
    for (const u of utterances) {
      const reply = await hub.api('POST', '/utterances', { text: u.text, dryRun: true, ...(u.area ? u : {}) });
      lines.push(JSON.stringify({ in: name, text: u.text, area: u.area, status: reply.status, got: reply.body }));
    }
  } finally {
    await hub.stop();
  }
}
writeFileSync(process.argv[2] ?? 'frames.jsonl', lines.join('\n') + '\n');
console.log(`${lines.length} frames written`);
