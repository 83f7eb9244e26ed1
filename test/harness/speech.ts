/**
 * Test speech: sentences synthesised with espeak-ng and shaped with sox at test time
 * (no recorded audio in the repo). Everything lands in one temp dir per `SpeechSynth`.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parseWav } from '../../hub/voice/audio/wav.js';
import { sox, soxNoise, soxToHubPcm, TRIM_ESPEAK_SILENCE } from './sox.js';

const run = promisify(execFile);

export interface SynthOptions {
  voice?: string;
  /** Words per minute. */
  speed?: number;
  silenceBeforeMs?: number;
  silenceAfterMs?: number;
  /** White noise mixed under the whole clip, as a sox `vol` factor (0.01 ≈ a quiet room). */
  noise?: number;
}

export interface SynthesisedSpeech {
  text: string;
  wavPath: string;
  wav: Buffer;
  /** 16 kHz mono s16le samples of the whole clip. */
  pcm: Buffer;
  /** Where the spoken part ends, measured from the start of the clip. */
  speechEndMs: number;
}

export class SpeechSynth {
  private dir: string | undefined;
  private counter = 0;

  async start(): Promise<void> {
    this.dir = await mkdtemp(join(tmpdir(), 'hearth-speech-'));
  }

  async stop(): Promise<void> {
    if (this.dir) await rm(this.dir, { recursive: true, force: true });
    this.dir = undefined;
  }

  async say(text: string, options: SynthOptions = {}): Promise<SynthesisedSpeech> {
    if (!this.dir) throw new Error('SpeechSynth.start() first');
    const id = `${++this.counter}`;
    const voiced = join(this.dir, `${id}-espeak.wav`);
    const raw = join(this.dir, `${id}-trimmed.wav`);
    const out = join(this.dir, `${id}.wav`);
    await run('espeak-ng', ['-v', options.voice ?? 'en-us', '-s', String(options.speed ?? 150), '-w', voiced, text]);
    // espeak-ng adds its own silence around the speech; trim it so speechEndMs is where the voice stops.
    await sox(voiced, raw, ...TRIM_ESPEAK_SILENCE);
    const before = (options.silenceBeforeMs ?? 300) / 1000;
    const after = (options.silenceAfterMs ?? 700) / 1000;
    const shaped = join(this.dir, `${id}-16k.wav`);
    await soxToHubPcm(raw, shaped, 'pad', String(before), String(after));
    const spokenMs = (parseWav(await readFile(raw)).data.length / 2 / 22050) * 1000;
    if (options.noise) {
      const total = before + spokenMs / 1000 + after;
      const noise = join(this.dir, `${id}-noise.wav`);
      await soxNoise(noise, total, 'white', options.noise);
      await sox('-m', shaped, noise, '-b', '16', out, 'trim', '0', total.toFixed(3));
    } else {
      await sox(shaped, out);
    }
    const wav = await readFile(out);
    return { text, wavPath: out, wav, pcm: parseWav(wav).data, speechEndMs: before * 1000 + spokenMs };
  }

  /** A clip of only noise (or silence when `noise` is 0). */
  async noise(durationMs: number, noise: number): Promise<Buffer> {
    if (!this.dir) throw new Error('SpeechSynth.start() first');
    const out = join(this.dir, `${++this.counter}-noise-only.wav`);
    await soxNoise(out, durationMs / 1000, 'white', noise);
    return parseWav(await readFile(out)).data;
  }
}

/**
 * A hand-written grammar of household commands, used until hub/language exports the real one.
 * Written for these tests; the wake phrase is optional so wake-only and command-only both parse.
 */
export const HOUSEHOLD_JSGF = `#JSGF V1.0;
grammar household;
public <utterance> = <wake> | <wake> <command> | <command>;
<wake> = hey hearth;
<command> = <lights> | <climate> | <media> | <covers> | <locks> | <shopping> | <questions> | <answers>;
<lights> = turn (on | off) the <area> (light | lights | lamp | fan)
         | (dim | brighten) the <area> lights
         | set the <area> lights to <percent> percent;
<climate> = set the (heating | thermostat) to <degrees> degrees | (warmer | cooler) please;
<media> = (play | pause | stop) the music [in the <area>] | next song | volume (up | down);
<covers> = (open | close) the <area> (blinds | curtains);
<locks> = (lock | unlock) the (front | back) door | lock the car;
<shopping> = order more (coffee | dishwasher tablets | laundry detergent) | add (milk | bread | eggs) to the shopping list;
<questions> = what time is it | is the front door locked | what is the temperature [in the <area>];
<answers> = yes | no | the <area> one | cancel;
<area> = kitchen | bedroom | living room | bathroom | hallway | office | garage;
<percent> = ten | twenty | thirty | fifty | seventy | eighty | hundred;
<degrees> = eighteen | nineteen | twenty | twenty one | twenty two;
`;

/** Sentences the grammar above accepts, for recognition tests. */
export const HOUSEHOLD_SENTENCES = [
  'turn on the kitchen light',
  'turn off the bedroom lights',
  'dim the living room lights',
  'set the office lights to fifty percent',
  'set the thermostat to twenty one degrees',
  'play the music in the kitchen',
  'pause the music',
  'open the bedroom blinds',
  'close the living room curtains',
  'lock the front door',
  'unlock the back door',
  'order more coffee',
  'add milk to the shopping list',
  'what time is it',
  'is the front door locked',
  'what is the temperature in the bathroom',
  'turn on the hallway lamp',
  'next song',
  'volume down',
  'lock the car',
];

/** Synthesises many clips, `concurrency` espeak/sox pipelines at a time; results keep the input order. */
export async function synthesiseAll(
  synth: SpeechSynth,
  items: readonly (SynthOptions & { text: string })[],
  concurrency = 2,
): Promise<SynthesisedSpeech[]> {
  const out: SynthesisedSpeech[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      const { text, ...options } = items[i]!;
      out[i] = await synth.say(text, options);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return out;
}
