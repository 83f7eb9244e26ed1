/**
 * The fit over free phones (pocketsphinx-fit.ts) on the grammar of the team's espeak suites: the tuned household as the
 * hub exports it, its spoken commands (test/harness/voice-commands.ts) in the suites' voices and the 100 own
 * non-commands (test/harness/non-commands.ts); each clip decoded standalone. Per voice: fit and coverage of the
 * decodes heard as said; then, per floor, how many commands heard as said would be turned away and how many
 * non-commands would still reach a command. Calibrates voice.pocketsphinx.minFit / minCoverage / minWordFit with
 * calibrate.ts.
 *   npx tsx bench/voice-rejection/fit-probe.ts [--args '{"-wbeam":"1e-48"}']
 */
import { silentLogger } from '../../hub/core/logger.js';
import { voiceConfigSchema } from '../../hub/voice/config.js';
import { PocketsphinxRecognizer } from '../../hub/voice/recognizers/pocketsphinx.js';
import type { Fit } from '../../hub/voice/recognizers/types.js';
import { runHouseholdOn } from '../../test/harness/household.js';
import { startTestHub } from '../../test/harness/hub.js';
import { NON_COMMANDS } from '../../test/harness/non-commands.js';
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

interface Row {
  kind: 'command' | 'talk';
  voice: string;
  said: string;
  heard: string;
  fit: Fit | undefined;
}
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
for (const [i, text] of NON_COMMANDS.entries()) {
  const [voice] = VOICES[i % VOICES.length]!;
  await decode('talk', text, voice, 130 + ((i * 7) % 71));
}
await rec.stop();
await house.stop();
await hub.stop();
writeJson(cliArg('--out', '/tmp/hearth-fit-probe.json'), rows);

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
for (const minFit of [-35, -30, -25, -20, -15])
  for (const minCoverage of [0.7, 0.75, 0.8, 0.85])
    for (const minWordFit of [-Infinity, -50, -45, -40]) {
      const passes = (r: Row) =>
        r.fit !== undefined &&
        r.fit.fit >= minFit &&
        r.fit.coverage >= minCoverage &&
        (r.fit.worstWord ?? 0) >= minWordFit;
      const lost = rows.filter((r) => r.kind === 'command' && r.heard === r.said && !passes(r)).length;
      const acted = rows.filter((r) => r.kind === 'talk' && passes(r)).length;
      console.log(
        `minFit ${minFit} minCoverage ${minCoverage} minWordFit ${minWordFit}: right commands turned away ${lost}, talk through ${acted}`,
      );
    }
