/**
 * Wake phrase honesty on the always-listening path: a Wyoming satellite with start_stage wake and no wake word
 * service (hub/wyoming/satellite-run.ts `wakeLocally`) hands Hearth utterance after utterance of one endless stream,
 * `pushToTalk: false`, and Hearth acts only on those that begin with the wake phrase (or follow a lone wake phrase).
 * Here the same calls go to the pipeline of a real in-process hub on the 115-device household
 * (test/phrasings/household.yaml, pocketsphinx, default voice config), dry run, faster than real time on a clock
 * that runs with the audio (so the 8 s follow-up window is 8 s of audio).
 *   - false wakes: espeak-ng reading ordinary prose for `--minutes` of audio, every English voice at 130–200 wpm
 *     rotating per passage (every other passage in an espeak variant), 1.2 s between passages; `--prose held-out`
 *     (default) or `calibration` (prose.ts: two parts with no text in common; calibrate on one, report the other); a false wake is an utterance heard as "<wake phrase> …" or
 *     the wake phrase alone; "would act" counts those (and their follow-ups) understood as an intent.
 *   - misses: "hey hearth <command>" in every English voice at 130/160/200 wpm, plain and with sampled variants,
 *     and each voice and speed once more under pink or babble noise at 10, 15 or 20 dB SNR (test/phrasings/voice's
 *     renderer), each after 1 s of silence; a miss is a clip never heard as woken. Said twice: every talker (voice +
 *     variant) at a satellite of its own (its cepstral mean learnt from that talker alone), and everyone at one shared
 *     satellite (the mean learnt from the mix, as in a family's kitchen).
 *   "spotted" counts utterances the wake phrase spotter (voice.pocketsphinx.wake) found the phrase in, including
 *   those then dropped because the words after it fit no command; "woken" only those the hub answered.
 * `--talk-only` skips the wake clips. `--voice '<json>'` merges into the hub's voice config (e.g. '{"pocketsphinx":{"wake":null}}': the grammar prefix).
 * The decoder's first utterances after the hub starts are heard worse than later ones (BENCHMARKS.md), so `WARM_UP`
 * commands on another satellite go first, uncounted.
 * `--clip-set N` picks other commands and variants for the wake clips (0, the default, is the set reported).
 *   npx tsx bench/voice-wake/wake.ts [--minutes 60] [--variants 3] [--prose held-out] [--clip-set 0]
 *   → bench/results/voice-wake.json
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { parse } from 'yaml';
import type { VoiceResult } from '../../hub/voice/pipeline.js';
import { startTestHub } from '../../test/harness/hub.js';
import { SpeechSynth } from '../../test/harness/speech.js';
import { until } from '../../test/harness/until.js';
import { HOUSEHOLD_FILE } from '../../test/phrasings/lib/household.js';
import { parseWav } from '../../hub/voice/audio/wav.js';
import { englishVoices, espeakVariants, renderClips, type SpokenCondition } from '../../test/phrasings/voice/render.js';
import { bigHomeCommands } from '../voice-big-home/commands.js';
import { simulatedHousehold } from '../voice-big-home/household.js';
import { round1 } from '../voice-big-home/stats.js';
import { AudioTimeClock, ContinuousSource } from './continuous-source.js';
import { PROSE_PARTS, type ProsePart, prosePassages } from './prose.js';
import { cliArg } from '../cli-arg.js';
import { loadNow, machine } from '../machine.js';

const MINUTES = Number(cliArg('--minutes', '60'));
const VARIANTS_PER_VOICE = Number(cliArg('--variants', '3'));
const VOICE_CONFIG = JSON.parse(cliArg('--voice', '{}')) as Record<string, unknown>;
const OUT = cliArg('--out', 'bench/results/voice-wake.json');
/** Talk only (the false-wake count), no wake clips. */
const TALK_ONLY = process.argv.includes('--talk-only');
const SPEEDS = [130, 160, 200];
/** Which prose is read (prose.ts): calibrate on one part, report on the other. */
const PROSE = cliArg('--prose', 'held-out') as ProsePart;
if (!(PROSE in PROSE_PARTS)) throw new Error(`--prose: one of ${Object.keys(PROSE_PARTS).join(', ')}`);
/** Another choice of commands and variants for the wake clips (0: the one reported; calibrate on another). */
const CLIP_SET = Number(cliArg('--clip-set', '0'));
const TALK_SPEEDS = [130, 145, 160, 175, 190, 200];
/** Lines starting WAKEPROBE on stderr: what the spotter measured per utterance (HEARTH_WAKE_PROBE=1). */
const probe = (what: string) => process.env.HEARTH_WAKE_PROBE && console.error(`WAKEPROBE-AT ${what}`);
const AREA = 'living-room';
const loadBefore = loadNow();

const clock = new AudioTimeClock();
const config = parse(readFileSync(HOUSEHOLD_FILE, 'utf8')) as Record<string, unknown>;
const hub = await startTestHub({
  config: { ...config, voice: { recognizer: 'pocketsphinx', tts: { enabled: false }, ...VOICE_CONFIG } },
  clock,
});
const voice = hub.hub.voice();
await until(() => voice.loadedGrammar()?.jsgf?.includes('porch') === true, 'the household grammar', 120_000);
const grammar = voice.loadedGrammar()!;
const synth = new SpeechSynth();
await synth.start();
const voices = await englishVoices();
const variants = await espeakVariants();
const WARM_UP = 5;

interface Heard {
  transcript: string;
  woken: boolean;
  /** Began with the wake phrase, answered or not. */
  spotted: boolean;
  intent?: string;
}
/** Utterance after utterance from `source` until it ends, as wakeLocally hands them over. */
async function listenThrough(source: ContinuousSource, onHeard: (h: Heard) => void): Promise<void> {
  for (;;) {
    const result: VoiceResult = await voice.pipeline.handleUtterance(source, {
      area: AREA,
      pushToTalk: false,
      dryRun: true,
    });
    if (result.ignored === 'no_speech' && source.ended) return;
    if (result.ignored === 'no_speech') continue;
    onHeard({
      transcript: result.transcript,
      woken: result.ignored === 'wake_only' || result.trigger === 'wake_phrase',
      spotted: /^hey hearth\b/.test(result.transcript),
      ...(result.intent ? { intent: result.intent.name } : {}),
    });
  }
}

// 0. Warm-up, not counted.
const { definition } = simulatedHousehold(HOUSEHOLD_FILE);
const commands = bigHomeCommands(definition, new Set(definition.devices.map((d) => d.id)));
for (let i = 0; i < WARM_UP; i++) {
  const clip = await synth.say(`hey hearth ${commands[i]!.text}`, {
    voice: 'en-us',
    speed: 160,
    silenceBeforeMs: 1000,
  });
  let given = false;
  await listenThrough(
    new ContinuousSource(
      'wyoming-satellite:bench-warm-up',
      async () => (given ? undefined : ((given = true), clip.pcm)),
      clock,
    ),
    () => {},
  );
}

// 1. False wakes on an hour of talk.
const passages = prosePassages(PROSE);
/** Every voice at every speed, every other passage in a variant (another speaker of that accent). */
const talkVoices = TALK_SPEEDS.flatMap((speed, si) =>
  voices.map((v, vi) => {
    const k = si * voices.length + vi;
    return { voice: k % 2 === 1 ? `${v}+${variants[(k * 7) % variants.length]}` : v, speed };
  }),
);
let talkMs = 0;
let passageIndex = 0;
const talk = new ContinuousSource(
  'wyoming-satellite:bench-talk',
  async () => {
    if (talkMs >= MINUTES * 60_000) return undefined;
    const text = passages[passageIndex % passages.length]!;
    const v = talkVoices[passageIndex % talkVoices.length]!;
    passageIndex++;
    console.error(
      `talk ${round1(talk.audioMs / 60_000)} min, ${talkUtterances} utterances: ${falseWakes.length} woken, ${spottedInTalk.length} spotted, ${talkActs} acted`,
    );
    probe(`talk ${v.voice}@${v.speed}`);
    const clip = await synth.say(text, { ...v, silenceBeforeMs: 1200, silenceAfterMs: 0 });
    talkMs += clip.pcm.length / 32;
    return clip.pcm;
  },
  clock,
);
const falseWakes: Heard[] = [];
const spottedInTalk: Heard[] = [];
let talkUtterances = 0;
let talkActs = 0;
const t0 = performance.now();
await listenThrough(talk, (h) => {
  talkUtterances++;
  if (h.woken) falseWakes.push(h);
  if (h.spotted) spottedInTalk.push(h);
  if (h.intent) talkActs++;
  // Progress for long runs (stderr): the counts so far, so a run cut short still says something.
  if (h.woken || h.intent)
    console.error(
      `talk ${round1(talk.audioMs / 60_000)} min: ${falseWakes.length} woken, ${talkActs} acted, "${h.transcript}"${h.intent ? ` → ${h.intent}` : ''}`,
    );
});
const talkWallS = (performance.now() - t0) / 1000;
const hours = talk.audioMs / 3_600_000;
const perHour = (n: number) => (hours > 0 ? round1(n / hours) : null);

// 2. Misses: "hey hearth <command>" across voices, speeds and variants.
const wakeClips = voices.flatMap((v, vi) =>
  SPEEDS.flatMap((speed, si) =>
    [
      undefined,
      ...Array.from(
        { length: VARIANTS_PER_VOICE },
        (_, k) => variants[(vi * 7 + si * 3 + k * 11 + CLIP_SET * 5) % variants.length],
      ),
    ].map((variant, k) => ({
      voice: variant ? `${v}+${variant}` : v,
      speed,
      text: `hey hearth ${commands[(vi * 13 + si * 5 + k + CLIP_SET * 101) % commands.length]!.text}`,
    })),
  ),
);
const NOISES = [
  { kind: 'pink', snrDb: 10 },
  { kind: 'babble', snrDb: 15 },
  { kind: 'pink', snrDb: 20 },
  { kind: 'babble', snrDb: 10 },
] as const;
const noisyConditions: SpokenCondition[] = voices.flatMap((voice, vi) =>
  SPEEDS.map((speed, si) => ({ voice, speed, noise: NOISES[(vi + si) % NOISES.length]! })),
);
const noisyClips = TALK_ONLY
  ? []
  : await renderClips(
      noisyConditions.map((_condition, i) => ({
        id: `wake-noisy-${i}`,
        kind: 'wake',
        text: `hey hearth ${commands[(i * 7 + 3 + CLIP_SET * 101) % commands.length]!.text}`,
      })),
      noisyConditions,
    );
/** The rendered clip (0.3 s before the speech) after 0.7 s more silence, as the plain clips' 1 s. */
const noisyPcm = async (path: string) => Buffer.concat([Buffer.alloc(700 * 32), parseWav(await readFile(path)).data]);
type Satellites = 'own satellite per talker' | 'one shared satellite';
async function missesAt(satellites: Satellites) {
  const missed: string[] = [];
  const missedNoisy: string[] = [];
  /** Per English voice (its variants and noisy clips included). */
  const perVoice: Record<string, { clips: number; missed: number }> = {};
  const wrongCommand: string[] = [];
  const all = [
    ...wakeClips.map((clip) => ({ ...clip, pcm: undefined as (() => Promise<Buffer>) | undefined, noise: '' })),
    ...noisyClips.map((clip) => ({
      voice: clip.condition.voice,
      speed: clip.condition.speed,
      text: clip.case.text,
      pcm: () => noisyPcm(clip.wavPath),
      noise: ` ${clip.condition.noise!.kind} ${clip.condition.noise!.snrDb} dB`,
    })),
  ];
  for (const clip of all) {
    const spoken = {
      pcm: clip.pcm
        ? await clip.pcm()
        : (
            await synth.say(clip.text, {
              voice: clip.voice,
              speed: clip.speed,
              silenceBeforeMs: 1000,
              silenceAfterMs: 800,
            })
          ).pcm,
    };
    let given = false;
    const source = new ContinuousSource(
      satellites === 'one shared satellite' ? 'wyoming-satellite:bench-wake' : `wyoming-satellite:bench-${clip.voice}`,
      async () => (given ? undefined : ((given = true), spoken.pcm)),
      clock,
    );
    const heard: Heard[] = [];
    probe(`clip ${satellites} ${clip.voice}@${clip.speed}${clip.noise}`);
    await listenThrough(source, (h) => heard.push(h));
    const label = `${clip.voice}@${clip.speed}${clip.noise} "${clip.text}" heard ${heard.map((h) => `"${h.transcript}"`).join(' + ') || 'nothing'}`;
    const talker = clip.voice.split('+')[0]!;
    const tally = (perVoice[talker] ??= { clips: 0, missed: 0 });
    tally.clips++;
    if (!heard.some((h) => h.woken)) {
      tally.missed++;
      (clip.noise ? missedNoisy : missed).push(label);
    } else if (!heard.some((h) => h.transcript.toLowerCase() === clip.text.toLowerCase().replace(/'/g, '')))
      wrongCommand.push(label);
  }
  return {
    satellites,
    clips: wakeClips.length,
    missed: missed.length,
    missRate: Math.round((missed.length / wakeClips.length) * 1000) / 1000,
    noisyClips: noisyClips.length,
    missedNoisy: missedNoisy.length,
    allMissRate: Math.round(((missed.length + missedNoisy.length) / all.length) * 1000) / 1000,
    perVoice,
    wokenButOtherWords: wrongCommand.length,
    missedClips: [...missed, ...missedNoisy],
    otherWords: wrongCommand,
  };
}
const misses = TALK_ONLY ? [] : [await missesAt('own satellite per talker'), await missesAt('one shared satellite')];

const results = {
  household: {
    file: 'test/phrasings/household.yaml',
    devices: Array.isArray(config.devices) ? config.devices.length : 0,
  },
  grammar: { jsgfBytes: Buffer.byteLength(grammar.jsgf ?? ''), origin: grammar.origin },
  wakePhrase: 'hey hearth',
  falseWakes: {
    prose: PROSE,
    audioMinutes: round1(talk.audioMs / 60_000),
    passages: passageIndex,
    voicesAndSpeeds: talkVoices.map((v) => `${v.voice}@${v.speed}`),
    utterancesDecoded: talkUtterances,
    wakes: falseWakes.length,
    perHour: perHour(falseWakes.length),
    spotted: spottedInTalk.length,
    spottedPerHour: perHour(spottedInTalk.length),
    spottedHeard: spottedInTalk.map((h) => h.transcript),
    wouldActPerHour: perHour(talkActs),
    heard: falseWakes.map((h) => `${h.transcript}${h.intent ? ` → ${h.intent}` : ''}`),
    wallSeconds: Math.round(talkWallS),
  },
  misses,
  targets: { falseWakesPerHour: 0.5, missRate: 0.05 },
  machine: machine(loadBefore),
};
console.log(JSON.stringify(results, null, 2));
mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(OUT, `${JSON.stringify(results, null, 2)}\n`);
await synth.stop();
await hub.stop();
