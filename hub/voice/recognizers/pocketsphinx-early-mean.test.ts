/**
 * A new source's grammar pass while it speaks (voice.pocketsphinx.earlyMeanFrames): the words are there before the
 * endpoint, where by default only its cepstral mean is measured until then. Real espeak-ng speech, real decoder.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { silentLogger } from '../../core/logger.js';
import { HOUSEHOLD_JSGF, SpeechSynth } from '../../../test/harness/speech.js';
import { voiceConfigSchema } from '../config.js';
import { PocketsphinxRecognizer } from './pocketsphinx.js';

const config = voiceConfigSchema.parse({}).pocketsphinx;
const synth = new SpeechSynth();
const byDefault = new PocketsphinxRecognizer({ ...config, log: silentLogger });
const early = new PocketsphinxRecognizer({ ...config, earlyMeanFrames: 100, log: silentLogger });

beforeAll(async () => {
  await synth.start();
  for (const recognizer of [byDefault, early]) {
    await recognizer.start();
    await recognizer.setGrammar({ jsgf: HOUSEHOLD_JSGF });
  }
}, 60_000);
afterAll(async () => {
  await byDefault.stop();
  await early.stop();
  await synth.stop();
});

/** The words before the endpoint (all audio fed) and after it. */
async function heard(recognizer: PocketsphinxRecognizer, pcm: Buffer, source: string) {
  const session = recognizer.startUtterance({ source });
  for (let i = 0; i < pcm.length; i += 640) session.feed(pcm.subarray(i, i + 640));
  const before = session.partial?.();
  return { before, after: (await session.end()).text };
}

it("a new source's command is searched while it is spoken from its first speech's mean, not after the endpoint", async () => {
  const clip = await synth.say('what is the temperature in the living room', {
    voice: 'en-gb',
    speed: 140,
    silenceAfterMs: 400,
  });
  const measured = await heard(byDefault, clip.pcm, 'satellite:new');
  expect(measured.before).toBeUndefined();
  expect(measured.after).not.toBe('');
  const searched = await heard(early, clip.pcm, 'satellite:new');
  expect(searched.before).toMatch(/^what is the temperature/);
  expect(searched.after).toMatch(/^what is the temperature/);
  // Once the source is known, its utterances are searched while spoken either way.
  const known = await heard(byDefault, clip.pcm, 'satellite:new');
  expect(known.before).toMatch(/^what is the temperature/);
}, 60_000);
