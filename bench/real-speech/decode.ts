/**
 * Real people's coffee orders through a hub with the barista skill, decoded in this process with recogniser
 * variants on the hub's own grammar, scored as eval.py scores them (intent and every labelled slot exact).
 *   npx tsx bench/real-speech/decode.ts [--voice '{"pocketsphinx":{"args":{"-flag":"v"}}}'] [--half a|b|all] [--limit N]
 *     [--noise FILE.wav|kitchen --snr 10] [--source shared|fresh] [--misses N]
 * rtf: the wall time of the decodes over the clips' audio time (the machine's load counts too); cpu rtf: this
 * process's CPU time over the audio time (what the load does not change much).
 * `--noise kitchen`: a kitchen's background made with sox (kitchen-noise.ts), mixed at --snr over the whole clip.
 * The hub's own pipeline (`voice.pipeline.handleUtterance`, dry run), as POST /voice runs it; --voice: voice config
 * over the defaults.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { parseWav } from '../../hub/voice/audio/wav.js';
import { startTestHub } from '../../test/harness/hub.js';
import { kitchenNoise } from './kitchen-noise.js';
import {
  DEV_SKILL_TRUST,
  installBaristaSkillHeard,
  loadDevClips,
  mixAtSnr,
  normaliseSlot,
  labelSlots,
} from './dev-set.js';
import { cliArg } from '../cli-arg.js';

const half = cliArg('--half') ?? 'all';
const limit = Number(cliArg('--limit') ?? Infinity);
const snr = Number(cliArg('--snr') ?? 10);
const noiseArg = cliArg('--noise');
const showMisses = Number(cliArg('--misses') ?? 15);
const voiceConfig = JSON.parse(cliArg('--voice') ?? '{}') as Record<string, unknown>;
/** `shared`: every clip comes from the source `api` (as POST /voice names it); `fresh`: each clip from a source of its own. */
const sourceMode = cliArg('--source') ?? 'shared';

const cache = '/tmp/hearth-real-speech-cache';
mkdirSync(cache, { recursive: true });
const clips = (await loadDevClips(cache, limit)).filter((c) => half === 'all' || c.half === half);
const noiseFile = noiseArg === 'kitchen' ? await kitchenNoise(cache) : noiseArg;
const noise = noiseFile ? parseWav(readFileSync(noiseFile)).data : undefined;

const hub = await startTestHub({
  config: { ...DEV_SKILL_TRUST, voice: { recognizer: 'pocketsphinx', ...voiceConfig } },
});
try {
  await installBaristaSkillHeard(hub, 120_000);
  const voice = hub.hub.voice();
  let ok = 0,
    intentOk = 0,
    empty = 0;
  const misses: string[] = [];
  const ms: number[] = [];
  const audioSeconds = clips.reduce((sum, c) => sum + c.pcm.length / 32_000, 0);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  for (const [i, clip] of clips.entries()) {
    const pcm = noise ? mixAtSnr(clip.pcm, noise, snr, i * 7919) : clip.pcm;
    const result = await voice.pipeline.handleUtterance(
      pcmSource(pcm, sourceMode === 'fresh' ? `clip:${clip.name}` : 'api'),
      { pushToTalk: true, dryRun: true },
    );
    ms.push(result.timings.totalMs);
    const got = labelSlots(result.intent?.slots ?? {});
    const rightIntent = result.intent?.name === clip.intent;
    const exact = rightIntent && sameSlots(got, clip.slots);
    intentOk += rightIntent ? 1 : 0;
    ok += exact ? 1 : 0;
    empty += result.transcript === '' ? 1 : 0;
    if (!exact)
      misses.push(
        `${clip.name.slice(0, 8)} "${result.transcript}" -> ${result.intent?.name ?? '-'} ${JSON.stringify(got)} | want ${JSON.stringify(clip.slots)}`,
      );
  }
  ms.sort((a, b) => a - b);
  console.log(misses.slice(0, showMisses).join('\n'));
  const n = clips.length;
  const wallSeconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  console.log(
    `real speech dev (${noise ? `${noiseFile} at ${snr} dB` : 'clean'}, half ${half}, ${n} clips): acceptance ${(ok / n).toFixed(3)} intent ${(intentOk / n).toFixed(3)} empty ${empty}  median ${ms[n >> 1]?.toFixed(0)} ms  rtf ${(wallSeconds / audioSeconds).toFixed(3)} cpu rtf ${(cpuSeconds / audioSeconds).toFixed(3)}  wall ${wallSeconds.toFixed(0)} s`,
  );
} finally {
  await hub.stop();
}

function sameSlots(got: Record<string, string>, want: Record<string, string>): boolean {
  const keys = new Set([...Object.keys(got), ...Object.keys(want)]);
  return [...keys].every((k) => normaliseSlot(got[k] ?? '') === normaliseSlot(want[k] ?? ''));
}

/** One clip as an audio source, in 100 ms chunks. */
function pcmSource(pcm: Buffer, name: string) {
  return {
    name,
    async *chunks() {
      for (let i = 0; i < pcm.length; i += 3200) yield pcm.subarray(i, i + 3200);
    },
  };
}
