/**
 * Rejection of the command grammar, calibrated on speech nobody wrote for it: per rejection weight, a hub (in this
 * process, POST /voice's pipeline, dry run) hears
 * - `--set heldout`: the held-out household (test/phrasings/household.yaml, 115 devices) with its dev commands
 *   as eval:voice-phrasings speaks them, and fortunes-min prose (talk that is no command);
 * - `--set real`: the real-speech dev set's hub (barista skill installed by its own script) with real people's
 *   coffee orders (`--half a|b`), and the same prose.
 *   npx tsx bench/voice-rejection/commands.ts --set heldout|real [--weights 0,1e-20,1e-10] [--prose 100]
 *     [--voice '{"pocketsphinx":{"args":{"-wbeam":"1e-48"}}}'] [--standalone] [--out file.json]
 * Prints per weight: commands right (intent / full frame or acceptance), commands rejected, prose that would act.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { bufferSource } from '../../hub/voice/audio/pcm.js';
import { startTestHub } from '../../test/harness/hub.js';
import { until } from '../../test/harness/until.js';
import { HOUSEHOLD_FILE, Household } from '../../test/phrasings/lib/household.js';
import { judge } from '../../test/phrasings/lib/score.js';
import {
  DEV_SKILL_TRUST,
  installBaristaSkillHeard,
  labelSlots,
  loadDevClips,
  normaliseSlot,
} from '../real-speech/dev-set.js';
import { heldoutDevClips, proseClips, writeJson, type Clip } from './clips.js';
import { cliArg } from '../cli-arg.js';

const set = cliArg('--set', 'heldout');
const weights = cliArg('--weights', '0,1e-30,1e-20,1e-10').split(',').map(Number);
const voiceExtra = JSON.parse(cliArg('--voice', '{}')) as { pocketsphinx?: Record<string, unknown> } & Record<
  string,
  unknown
>;
const standalone = process.argv.includes('--standalone');

interface RealClip extends Clip {
  intent: string;
  slots: Record<string, string>;
}
const commands: (Clip | RealClip)[] =
  set === 'real'
    ? (await loadDevClips('/tmp/hearth-real-speech-cache'))
        .filter((c) => c.half === cliArg('--half', 'a'))
        .map((c) => ({ label: c.name, pcm: c.pcm, intent: c.intent, slots: c.slots }))
    : (await heldoutDevClips(Number(cliArg('--commands', '100')))).filter(
        (c) => c.case!.intent !== null && !c.case!.noCommand,
      );
const prose = await proseClips(Number(cliArg('--prose', '100')));
const home = set === 'real' ? undefined : Household.load();
const results: unknown[] = [];

for (const weight of weights) {
  const voice = {
    recognizer: 'pocketsphinx',
    requireWakePhrase: false,
    tts: { enabled: false },
    ...voiceExtra,
    pocketsphinx: { ...voiceExtra.pocketsphinx, rejectionWeight: weight },
  };
  const base =
    set === 'real' ? DEV_SKILL_TRUST : (parse(readFileSync(HOUSEHOLD_FILE, 'utf8')) as Record<string, unknown>);
  const hub = await startTestHub({ config: { ...base, voice } });
  try {
    if (set === 'real') {
      await installBaristaSkillHeard(hub, 60_000);
    } else await until(() => hub.hub.voice().loadedGrammar() !== undefined, 'the grammar', 60_000);
    const pipeline = hub.hub.voice().pipeline;
    const hear = (clip: Clip, i: number, area?: string) =>
      pipeline.handleUtterance(
        bufferSource(clip.pcm, {
          name: standalone ? `upload:${i}` : 'api',
          ...(standalone ? { standalone: true } : {}),
        }),
        {
          pushToTalk: true,
          dryRun: true,
          ...(area ? { area } : {}),
        },
      );
    let intentOk = 0,
      frameOk = 0,
      rejected = 0,
      empty = 0;
    const t0 = performance.now();
    for (const [i, clip] of commands.entries()) {
      const r = await hear(clip, i, clip.case?.area);
      rejected += r.rejected ? 1 : 0;
      empty += !r.rejected && r.transcript === '' ? 1 : 0;
      if ('intent' in clip) {
        const got = labelSlots(r.intent?.slots ?? {});
        const right = r.intent?.name === clip.intent;
        const keys = new Set([...Object.keys(got), ...Object.keys(clip.slots)]);
        intentOk += right ? 1 : 0;
        frameOk +=
          right && [...keys].every((k) => normaliseSlot(got[k] ?? '') === normaliseSlot(clip.slots[k] ?? '')) ? 1 : 0;
      } else {
        const verdict = judge(
          clip.case!,
          { intent: r.intent ?? null, targets: [], actions: r.actions as { type: string }[] },
          home!,
        );
        intentOk += verdict.intentOk ? 1 : 0;
        frameOk += verdict.frameOk ? 1 : 0;
      }
    }
    let acted = 0,
      proseRejected = 0;
    const actedOn: string[] = [];
    for (const [i, clip] of prose.entries()) {
      const r = await hear(clip, 10_000 + i);
      proseRejected += r.rejected ? 1 : 0;
      if (r.intent) {
        acted++;
        actedOn.push(`"${clip.label.slice(0, 40)}" -> "${r.transcript}" ${r.intent.name}`);
      }
    }
    const n = commands.length;
    const row = {
      weight,
      commands: n,
      intent: intentOk / n,
      frame: frameOk / n,
      rejected,
      empty,
      prose: prose.length,
      proseActed: acted,
      proseRejected,
      seconds: Math.round((performance.now() - t0) / 1000),
    };
    results.push(row);
    console.log(
      `${set} weight ${weight}: commands ${n}: right intent ${(intentOk / n).toFixed(3)}, ${set === 'real' ? 'acceptance' : 'full frame'} ${(frameOk / n).toFixed(3)}, rejected ${rejected}, empty ${empty}; prose ${prose.length}: acted on ${acted}, rejected ${proseRejected} (${row.seconds} s)`,
    );
    if (process.argv.includes('--show')) console.log(`  ${actedOn.slice(0, 10).join('\n  ')}`);
  } finally {
    await hub.stop();
  }
}
if (process.argv.includes('--out')) writeJson(cliArg('--out', ''), results);
