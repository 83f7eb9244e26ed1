/**
 * Does the hub's VAD start on speech in noise? The first 12 in-scope held-out DEV phrasings (never sealed), en-us at
 * 160 wpm, rendered clean and under pink/babble noise at 20/15/10 dB SNR (test/phrasings/voice/render.ts, cached),
 * each run through the hub's `Endpointer` with the default `voice.vad` config: how many clips start an utterance.
 * No recogniser: a clip the VAD never starts is heard as nothing whatever the decoder could do.
 *   npx tsx bench/voice-vad-noise.ts
 */
import { readFile } from 'node:fs/promises';
import { parseWav } from '../hub/voice/audio/wav.js';
import { voiceConfigSchema } from '../hub/voice/config.js';
import { Endpointer } from '../hub/voice/vad.js';
import { loadSplit } from '../test/phrasings/lib/cases.js';
import { inScope } from '../test/phrasings/lib/report.js';
import { renderClips, type SpokenCondition } from '../test/phrasings/voice/render.js';

const cases = loadSplit('dev')
  .filter((c) => inScope(c.kind))
  .slice(0, 12);
const vad = voiceConfigSchema.parse({}).vad;
const noises: (SpokenCondition['noise'] | undefined)[] = [
  undefined,
  ...(['pink', 'babble'] as const).flatMap((kind) => [20, 15, 10].map((snrDb) => ({ kind, snrDb }))),
];
console.log(`voice.vad defaults: startMarginDb ${vad.startMarginDb}, minSpeechMs ${vad.minSpeechMs}`);
for (const noise of noises) {
  const clips = await renderClips(
    cases,
    cases.map(() => ({ voice: 'en-us', speed: 160, ...(noise ? { noise } : {}) })),
  );
  let started = 0;
  for (const clip of clips) {
    const endpointer = new Endpointer(vad);
    const pcm = parseWav(await readFile(clip.wavPath)).data;
    if ([...endpointer.process(pcm), ...endpointer.finish()].some((e) => e.type === 'start')) started++;
  }
  console.log(
    `  ${noise ? `${noise.kind} ${noise.snrDb} dB` : 'clean'}: ${started}/${clips.length} clips start an utterance`,
  );
}
