/**
 * The fit over free phones (pocketsphinx-fit.ts) on the grammar of the team's espeak suites: the tuned household as the
 * hub exports it, its spoken commands (test/harness/voice-commands.ts) in the suites' voices and the 100 own
 * non-commands (test/harness/non-commands.ts); each clip decoded standalone. Per voice: fit and coverage of the
 * decodes heard as said; then, per floor, how many commands heard as said would be turned away and how many
 * non-commands would still reach a command. Calibrates voice.pocketsphinx.minFit / maxUncoveredMs / minWordFit with
 * calibrate.ts. `--heldout`: also the held-out non-commands (test/harness/non-commands-heldout.ts), reported apart:
 * a check of the floors chosen on the others, never tuned on.
 *   npx tsx bench/voice-rejection/fit-probe.ts [--args '{"-wbeam":"1e-48"}'] [--heldout] [--report file.json]
 */
import { readFileSync } from 'node:fs';
import { silentLogger } from '../../hub/core/logger.js';
import { voiceConfigSchema } from '../../hub/voice/config.js';
import { PocketsphinxRecognizer } from '../../hub/voice/recognizers/pocketsphinx.js';
import type { Fit } from '../../hub/voice/recognizers/types.js';
import { runHouseholdOn } from '../../test/harness/household.js';
import { startTestHub } from '../../test/harness/hub.js';
import { NON_COMMANDS } from '../../test/harness/non-commands.js';
import { NON_COMMANDS_HELDOUT } from '../../test/harness/non-commands-heldout.js';
import { tunedHousehold } from '../../test/harness/tuned-household.js';
import { until } from '../../test/harness/until.js';
import { HOUSEHOLD_VOICE_COMMANDS } from '../../test/harness/voice-commands.js';
import { firstUtterance, speak, writeJson } from './clips.js';
import { cliArg } from '../cli-arg.js';

const VOICES: [string, number][] = [
  ['en-us', 150],
  ['en-gb', 175],
  ['en-us+m3', 140],
  ['en-gb-scotland', 160],
  ['en-us+f2', 165],
];

interface Row {
  kind: 'command' | 'talk' | 'talk-heldout';
  voice: string;
  said: string;
  heard: string;
  fit: Fit | undefined;
}

async function decodeAll(): Promise<Row[]> {
  const hub = await startTestHub({ config: { voice: { recognizer: 'pocketsphinx', tts: { enabled: false } } } });
  const house = await runHouseholdOn(hub, tunedHousehold);
  await hub.hub.voice().refreshGrammar();
  await until(() => hub.hub.voice().loadedGrammar()?.jsgf?.includes('dehumidifier') === true, 'the grammar', 120_000);
  const grammar = hub.hub.voice().loadedGrammar()!;
  const rec = new PocketsphinxRecognizer({
    ...voiceConfigSchema.parse({}).pocketsphinx,
    minFit: null,
    args: JSON.parse(cliArg('--args', '{}')) as Record<string, string>,
    log: silentLogger,
  });
  await rec.start();
  await rec.setGrammar(grammar);
  const rows: Row[] = [];
  async function decode(kind: Row['kind'], said: string, voice: string, speed: number) {
    const s = rec.startUtterance({ source: 'api', standalone: true });
    for (const part of firstUtterance(await speak(said, voice, speed))) s.feed(part);
    const r = await s.end();
    const fit = r.text && r.margin ? await r.margin() : undefined;
    rows.push({ kind, voice, said, heard: r.text, fit });
  }
  for (const [voice, speed] of VOICES)
    for (const c of HOUSEHOLD_VOICE_COMMANDS) await decode('command', c.text, voice, speed);
  const talk: [Row['kind'], readonly string[]][] = [['talk', NON_COMMANDS]];
  if (process.argv.includes('--heldout')) talk.push(['talk-heldout', NON_COMMANDS_HELDOUT]);
  for (const [kind, texts] of talk)
    for (const [i, text] of texts.entries()) {
      const [voice] = VOICES[i % VOICES.length]!;
      await decode(kind, text, voice, 130 + ((i * 7) % 71));
    }
  await rec.stop();
  await house.stop();
  await hub.stop();
  writeJson(cliArg('--out', '/tmp/hearth-fit-probe.json'), rows);
  return rows;
}

const rows: Row[] = process.argv.includes('--report')
  ? (JSON.parse(readFileSync(cliArg('--report', ''), 'utf8')) as Row[])
  : await decodeAll();

const f = (x: number) => x.toFixed(1);
for (const [voice] of VOICES) {
  const right = rows.filter((r) => r.kind === 'command' && r.voice === voice && r.heard === r.said && r.fit);
  const fits = right.map((r) => r.fit!.fit).sort((a, b) => a - b);
  const cov = right.map((r) => r.fit!.coverage).sort((a, b) => a - b);
  console.log(
    `${voice}: heard as said ${right.length}/${HOUSEHOLD_VOICE_COMMANDS.length}; fit ${fits.map(f).join(' ')}; lowest coverage ${cov
      .slice(0, 3)
      .map((c) => c.toFixed(2))
      .join(' ')}`,
  );
}
const talk = rows.filter((r) => r.kind === 'talk' && r.fit);
console.log(
  `talk reaching words (${talk.length}/100): ${talk
    .map((r) => `${f(r.fit!.fit)}/${r.fit!.coverage.toFixed(2)}`)
    .sort()
    .join(' ')}`,
);
const heldout = rows.some((r) => r.kind === 'talk-heldout');
for (const minFit of [-35, -30, -25, -20, -15, -10])
  for (const maxUncoveredMs of [250, 350, 450, 600])
    for (const minWordFit of [-Infinity, -55]) {
      const passes = (r: Row) =>
        r.fit !== undefined &&
        r.fit.fit >= minFit &&
        (r.fit.uncovered ?? 0) * 10 <= maxUncoveredMs &&
        (r.fit.worstWord ?? 0) >= minWordFit;
      const lost = rows.filter((r) => r.kind === 'command' && r.heard === r.said && !passes(r)).length;
      const through = (kind: Row['kind']) => rows.filter((r) => r.kind === kind && passes(r)).length;
      console.log(
        `minFit ${minFit} maxUncoveredMs ${maxUncoveredMs} minWordFit ${minWordFit}: right commands turned away ${lost}, talk through ${through('talk')}${heldout ? `, held-out talk through ${through('talk-heldout')}` : ''}`,
      );
    }
