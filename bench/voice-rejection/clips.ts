/**
 * Speech for calibrating rejection, none of it written for the grammar it is tested on:
 * - held-out commands: the dev sample of test/phrasings spoken as `npm run eval:voice-phrasings` speaks it (same seed,
 *   same cached clips; never the sealed split);
 * - ordinary talk: espeak-ng reading the fortunes-min package's texts (fortunes, literature, riddles), sentence by
 *   sentence, every English voice in turn, 130–200 wpm;
 * - answers: the answer grammar's own phrases in every voice (what a person says to "Shall I order it?").
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parseWav } from '../../hub/voice/audio/wav.js';
import { voiceConfigSchema } from '../../hub/voice/config.js';
import { Endpointer } from '../../hub/voice/vad.js';
import { seededRandom } from '../../test/harness/seeded-random.js';
import { loadSplit, type PhrasingCase } from '../../test/phrasings/lib/cases.js';
import {
  assignConditions,
  englishVoices,
  espeakVariants,
  renderClips,
  sampleCases,
  type SpokenCondition,
} from '../../test/phrasings/voice/render.js';

const run = promisify(execFile);
const CACHE = '/tmp/hearth-voice-rejection-cache';
export const FORTUNES_DIR = '/usr/share/games/fortunes';

export interface Clip {
  label: string;
  pcm: Buffer;
  case?: PhrasingCase;
  condition?: SpokenCondition;
}

/** The held-out dev sample exactly as eval:voice-phrasings draws it (seed 19, 100 cases). */
export async function heldoutDevClips(size = 100, seed = 19): Promise<Clip[]> {
  const voices = await englishVoices();
  const variants = await espeakVariants();
  const random = seededRandom(seed);
  const cases = sampleCases(loadSplit('dev'), size, random);
  const conditions = assignConditions(cases, voices, variants, random);
  const clips = await renderClips(cases, conditions, { concurrency: 2 });
  return clips.map((c) => ({
    label: c.case.text,
    pcm: parseWav(readFileSync(c.wavPath)).data,
    case: c.case,
    condition: c.condition,
  }));
}

/** Sentences of ordinary text from the fortunes-min package (apt install fortunes-min), 4–30 words each. */
export function proseSentences(): string[] {
  if (!existsSync(FORTUNES_DIR)) throw new Error(`no ${FORTUNES_DIR}: apt-get install -y fortunes-min`);
  const text = ['fortunes', 'literature', 'riddles']
    .map((f) => readFileSync(join(FORTUNES_DIR, f), 'latin1'))
    .join('\n%\n');
  return text
    .split(/\n%\n/)
    .flatMap((entry) => entry.replace(/\s+/g, ' ').split(/(?<=[.!?])\s+/))
    .map((s) =>
      s
        .replace(/^[\s"'-]+|[\s"']+$/g, '')
        .replace(/--.*$/, '')
        .trim(),
    )
    .filter((s) => /[a-z]/i.test(s) && s.split(' ').length >= 4 && s.split(' ').length <= 30 && !/^[A-Z ]+:/.test(s));
}

/** `n` prose sentences (spread over the texts) spoken by the English voices in turn at 130–200 wpm. */
export async function proseClips(n: number, seed = 7): Promise<Clip[]> {
  const sentences = proseSentences();
  const voices = await englishVoices();
  const random = seededRandom(seed);
  const step = Math.max(1, Math.floor(sentences.length / n));
  const picked = sentences.filter((_, i) => i % step === 0).slice(0, n);
  const clips: Clip[] = [];
  for (const [i, text] of picked.entries()) {
    clips.push({
      label: text,
      pcm: await speak(text, voices[i % voices.length]!, 130 + 10 * Math.floor(random() * 8)),
    });
  }
  return clips;
}

/** One sentence as 16 kHz mono s16le, cached by text, voice and speed. */
export async function speak(text: string, voice: string, speed: number): Promise<Buffer> {
  mkdirSync(CACHE, { recursive: true });
  const key = Buffer.from(`${voice}|${speed}|${text}`).toString('base64url').slice(0, 120);
  const path = join(CACHE, `${key}.wav`);
  if (!existsSync(path)) {
    const raw = `${path}.espeak.wav`;
    await run('espeak-ng', ['-v', voice, '-s', String(speed), '-w', raw, text]);
    await run('sox', ['-R', raw, '-r', '16000', '-c', '1', '-b', '16', path, 'pad', '0.3', '0.7']);
  }
  return parseWav(readFileSync(path)).data;
}

export function writeJson(path: string, value: unknown): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, JSON.stringify(value, null, 1));
}

const vad = voiceConfigSchema.parse({}).vad;
/** The first utterance the hub's endpointer finds, in the pieces the pipeline feeds. */
export function firstUtterance(pcm: Buffer): Buffer[] {
  const endpointer = new Endpointer(vad);
  const parts: Buffer[] = [];
  let started = false;
  for (let i = 0; i < pcm.length; i += 3200) {
    for (const e of endpointer.process(pcm.subarray(i, i + 3200))) {
      if (e.type === 'end') return parts;
      started ||= e.type === 'start';
      parts.push(e.pcm);
    }
  }
  for (const e of endpointer.finish()) if (e.type !== 'end') parts.push(e.pcm);
  return started ? parts : [];
}
