/**
 * Spoken held-out sentences: a sample of the cases rendered with every English espeak-ng voice and variant at
 * 130–200 words per minute, a third of them under pink or babble noise at 10–20 dB SNR (sox makes the noise, the
 * mix is scaled here from the speech's own level). Clips go to a cache dir (never committed) keyed by text and
 * condition, so a second run only sends them.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { encodeWav, parseWav } from '../../../hub/voice/audio/wav.js';
import { REPO_ROOT } from '../../harness/hub.js';
import { TRIM_ESPEAK_SILENCE, sox, soxNoise, soxToHubPcm } from '../../harness/sox.js';
import { seededRandom } from '../../harness/seeded-random.js';
import type { PhrasingCase } from '../lib/cases.js';

const run = promisify(execFile);
const RATE = 16_000;
/** Bump when the rendering changes, so cached clips are made again. */
const RENDER_VERSION = 1;

export interface SpokenCondition {
  voice: string;
  /** An espeak-ng variant (`+f3`, `+klatt`…); absent: the voice as it is. */
  variant?: string;
  /** Words per minute. */
  speed: number;
  noise?: { kind: 'pink' | 'babble'; snrDb: number };
}

export interface SpokenClip {
  case: PhrasingCase;
  condition: SpokenCondition;
  wavPath: string;
}

export const defaultCacheDir = () =>
  process.env.HEARTH_VOICE_PHRASINGS_CACHE ?? join(REPO_ROOT, 'test-artifacts', 'voice-phrasings');

/** espeak-ng's own English voices (mbrola voices need the separate mbrola program and are left out). */
export async function englishVoices(): Promise<string[]> {
  const { stdout } = await run('espeak-ng', ['--voices=en']);
  const voices = stdout
    .split('\n')
    .slice(1)
    .map((l) => l.trim().split(/\s+/))
    .filter((f) => f[4]?.startsWith('gmw/'))
    .map((f) => f[1]!);
  return [...new Set(voices)].sort();
}

export async function espeakVariants(): Promise<string[]> {
  const { stdout } = await run('espeak-ng', ['--voices=variant']);
  return stdout
    .split('\n')
    .slice(1)
    .map((l) => l.trim().split(/\s+/)[4])
    .filter((f): f is string => !!f?.startsWith('!v/'))
    .map((f) => f.slice(3))
    .sort();
}

function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** About `n` cases with every kind in proportion (at least one each), in a seeded random order. */
export function sampleCases(cases: readonly PhrasingCase[], n: number, random: () => number): PhrasingCase[] {
  const kinds = [...new Set(cases.map((c) => c.kind))].sort();
  const picked = kinds.flatMap((kind) => {
    const ofKind = shuffle(
      cases.filter((c) => c.kind === kind),
      random,
    );
    return ofKind.slice(0, Math.max(1, Math.round((n * ofKind.length) / cases.length)));
  });
  return shuffle(picked, random);
}

/** Spreads voices, variants (a third of the clips with none), speeds and noise over the cases, each used evenly. */
export function assignConditions(
  cases: readonly PhrasingCase[],
  voices: string[],
  variants: string[],
  random: () => number,
): SpokenCondition[] {
  const voiceOrder = shuffle(voices, random);
  const variantOrder = shuffle(variants, random);
  return cases.map((_, i) => {
    const withVariant = i % 3 !== 0;
    const variant = withVariant ? variantOrder[Math.floor((i * 2) / 3) % variantOrder.length] : undefined;
    const condition: SpokenCondition = {
      voice: voiceOrder[i % voiceOrder.length]!,
      speed: 130 + 10 * Math.floor(random() * 8),
      ...(variant ? { variant } : {}),
    };
    if (i % 3 === 2)
      condition.noise = { kind: random() < 0.5 ? 'pink' : 'babble', snrDb: 10 + Math.floor(random() * 11) };
    return condition;
  });
}

const rms = (pcm: Int16Array, from = 0, to = pcm.length) => {
  let sum = 0;
  for (let i = from; i < to; i++) sum += pcm[i]! * pcm[i]!;
  return Math.sqrt(sum / Math.max(1, to - from));
};
const samples = (wav: Buffer) => {
  const data = parseWav(wav).data;
  return new Int16Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.length));
};

/** Ordinary talk from another room (not commands), five voices at once: the babble bed, made once per cache dir. */
const BABBLE_TALK = [
  'We drove out to the coast on Sunday and the traffic was terrible the whole way back, so next time we are leaving early.',
  'My sister says the new bakery on the corner does the best sourdough she has ever had, but it sells out by nine.',
  'The football was a draw in the end, which nobody expected after the first half they had.',
  'I think the school trip is in the second week of June, the letter is somewhere in my bag.',
  'Honestly the garden needs a whole weekend, the hedge is taller than the fence now.',
];

async function babbleBed(cacheDir: string, work: string): Promise<Int16Array> {
  const path = join(cacheDir, `babble-v${RENDER_VERSION}.wav`);
  if (!existsSync(path)) {
    const talkers = ['en-gb', 'en-us+f2', 'en-gb-scotland+m3', 'en-us+f4', 'en-029+m5'];
    const parts: string[] = [];
    for (const [i, voice] of talkers.entries()) {
      const raw = join(work, `babble-${i}.wav`);
      const part = join(work, `babble-${i}-16k.wav`);
      await run('espeak-ng', [
        '-v',
        voice,
        '-s',
        String(150 + 10 * i),
        '-w',
        raw,
        `${BABBLE_TALK[i]} ${BABBLE_TALK[(i + 2) % 5]} ${BABBLE_TALK[(i + 4) % 5]}`,
      ]);
      await soxToHubPcm(raw, part, 'pad', String(0.4 * i), '0', 'repeat', '2', 'trim', '0', '40');
      parts.push(part);
    }
    await sox('-m', ...parts, '-b', '16', join(work, 'babble.wav'), 'trim', '0', '40');
    await rename(join(work, 'babble.wav'), path);
  }
  return samples(await readFile(path));
}

export function clipPath(cacheDir: string, text: string, condition: SpokenCondition): string {
  const key = createHash('sha256')
    .update(JSON.stringify([RENDER_VERSION, text, condition]))
    .digest('hex')
    .slice(0, 20);
  return join(cacheDir, `${key}.wav`);
}

async function renderOne(
  text: string,
  condition: SpokenCondition,
  out: string,
  work: string,
  babble: () => Promise<Int16Array>,
): Promise<void> {
  const id = createHash('sha256').update(out).digest('hex').slice(0, 12);
  const random = seededRandom(parseInt(id.slice(0, 8), 16)); // where in the babble bed: fixed per clip
  const voiced = join(work, `${id}-espeak.wav`);
  const shaped = join(work, `${id}-16k.wav`);
  const voice = condition.variant ? `${condition.voice}+${condition.variant}` : condition.voice;
  await run('espeak-ng', ['-v', voice, '-s', String(condition.speed), '-w', voiced, text]);
  // Trim espeak's own silence, then a satellite's 0.3 s before and 0.7 s after; -R keeps sox's dither repeatable.
  await soxToHubPcm(voiced, shaped, ...TRIM_ESPEAK_SILENCE, 'pad', '0.3', '0.7');
  const speech = samples(await readFile(shaped));
  if (!condition.noise) {
    await writeFile(out, encodeWav(Buffer.from(speech.buffer, speech.byteOffset, speech.byteLength)));
    return;
  }
  let noise: Int16Array;
  if (condition.noise.kind === 'pink') {
    const noiseFile = join(work, `${id}-pink.wav`);
    await soxNoise(noiseFile, speech.length / RATE, 'pink', 0.3);
    noise = samples(await readFile(noiseFile));
  } else {
    const bed = await babble();
    const start = Math.floor(random() * Math.max(1, bed.length - speech.length));
    noise = bed.subarray(start, start + speech.length);
  }
  // SNR over the spoken part only (the padding is 0.3 s before, 0.7 s after).
  const speechLevel = rms(speech, Math.floor(0.3 * RATE), speech.length - Math.floor(0.7 * RATE));
  const gain = speechLevel / (Math.max(1, rms(noise)) * 10 ** (condition.noise.snrDb / 20));
  const mixed = new Int16Array(speech.length);
  for (let i = 0; i < speech.length; i++)
    mixed[i] = Math.max(-32768, Math.min(32767, Math.round(speech[i]! + gain * (noise[i % noise.length] ?? 0))));
  await writeFile(out, encodeWav(Buffer.from(mixed.buffer)));
}

/** Renders what is not cached yet (`concurrency` espeak/sox pipelines at a time) and returns every clip's path. */
export async function renderClips(
  cases: readonly PhrasingCase[],
  conditions: readonly SpokenCondition[],
  options: { cacheDir?: string; concurrency?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<SpokenClip[]> {
  const cacheDir = options.cacheDir ?? defaultCacheDir();
  await mkdir(cacheDir, { recursive: true });
  const work = await mkdtemp(join(tmpdir(), 'hearth-voice-phrasings-'));
  let bed: Promise<Int16Array> | undefined;
  const babble = () => (bed ??= babbleBed(cacheDir, work));
  const clips = cases.map((c, i) => ({
    case: c,
    condition: conditions[i]!,
    wavPath: clipPath(cacheDir, c.text, conditions[i]!),
  }));
  const todo = clips.filter((c) => !existsSync(c.wavPath));
  let next = 0;
  let done = clips.length - todo.length;
  try {
    const worker = async () => {
      while (next < todo.length) {
        const clip = todo[next++]!;
        const tmp = `${clip.wavPath}.${process.pid}.tmp`;
        await renderOne(clip.case.text, clip.condition, tmp, work, babble);
        await rename(tmp, clip.wavPath);
        options.onProgress?.(++done, clips.length);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency ?? 2, todo.length)) }, worker));
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return clips;
}
