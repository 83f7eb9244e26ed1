/**
 * npm run eval:phrasings [-- --errors N] [--split dev|sealed] [--batch b3] [--template-only]
 * Starts a real hub on the held-out household (test/phrasings/household.yaml), sends every held-out sentence to
 * POST /api/v1/utterances (dryRun, heard in its satellite's area) and prints right-intent and full-frame per kind
 * and overall, for dev and sealed separately. `--errors N` lists up to N dev misses; sealed misses are never shown.
 * `--batch b3`: only that batch's sentences (ids b3-…), to see a fresh batch apart from ones the team has read.
 * `--template-only`: the template matcher alone (language.secondStage false), to compare with the full understanding.
 */
import { loadSplit, type PhrasingCase, type SplitName } from './lib/cases.js';
import { Household } from './lib/household.js';
import { startHubUnderTest } from './lib/hub-under-test.js';
import { formatTally, inScope, Tally } from './lib/report.js';
import { judge, type HubAnswer } from './lib/score.js';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const showErrors = Number(option('--errors') ?? 0);
const splits: SplitName[] =
  option('--split') === 'dev' ? ['dev'] : option('--split') === 'sealed' ? ['sealed'] : ['dev', 'sealed'];
const batch = option('--batch');
const inBatch = (c: PhrasingCase) => batch === undefined || c.id.startsWith(`${batch}-`);
const home = Household.load();
const hub = await startHubUnderTest({ templateOnly: process.argv.includes('--template-only') });
const misses: string[] = [];
const describe = (c: PhrasingCase) =>
  c.intent === null
    ? 'nothing'
    : c.noCommand
      ? 'no device command'
      : c.family
        ? `family ${c.family} ${JSON.stringify(c.slotsInclude ?? {})}`
        : `${c.intent!.name} ${JSON.stringify(c.intent!.slots)}`;

try {
  for (const split of splits) {
    const tally = new Tally();
    const started = Date.now();
    for (const c of loadSplit(split).filter(inBatch)) {
      const answer = await hub.post<HubAnswer>('/utterances', {
        text: c.text,
        dryRun: true,
        ...(c.area ? { area: c.area } : {}),
      });
      const verdict = judge(
        c,
        { intent: answer.intent ?? null, targets: answer.targets ?? [], actions: answer.actions ?? [] },
        home,
      );
      tally.add(c, verdict);
      if (split === 'dev' && (!verdict.frameOk || verdict.targetsOk === false)) {
        const got = answer.intent ? `${answer.intent.name} ${JSON.stringify(answer.intent.slots)}` : 'no intent';
        const what = verdict.frameOk ? ', targets' : verdict.intentOk ? ', slots' : '';
        const want = `${describe(c)}${c.targets ? ` → ${c.targets.join(',')}` : ''}`;
        misses.push(
          `  [${c.kind}${what}] "${c.text}"${c.area ? ` @${c.area}` : ''}\n      want ${want}\n      got  ${got}${answer.targets?.length ? ` → ${answer.targets.join(',')}` : ''}`,
        );
      }
    }
    console.log(
      formatTally(
        `${split}${batch ? ` (batch ${batch})` : ''}: right intent and full frame per kind (${((Date.now() - started) / 1000).toFixed(1)} s)`,
        tally,
        { targets: true },
      ),
    );
    const t = tally.total(inScope);
    console.log(
      `${split}${batch ? ` ${batch}` : ''} summary: in scope ${t.n} sentences, right intent ${(t.intent / t.n).toFixed(3)}, full frame ${(t.frame / t.n).toFixed(3)}; with expected targets ${t.withTargets}: full frame and exactly those devices ${(t.targets / t.withTargets).toFixed(3)}\n`,
    );
  }
  if (showErrors > 0 && misses.length)
    console.log(
      `dev misses (${Math.min(showErrors, misses.length)} of ${misses.length}):\n${misses.slice(0, showErrors).join('\n')}`,
    );
} finally {
  await hub.stop();
}
