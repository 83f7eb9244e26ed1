/**
 * Issue 19 item 5: with a noise seed, the same recording on a fresh source decodes the same every time, whatever the
 * decoder heard before. Real espeak-ng speech through the real recogniser; the first decode is the decoder's very
 * first utterance.
 */
import { expect, it } from 'vitest';
import { silentLogger } from '../../core/logger.js';
import { HOUSEHOLD_JSGF, SpeechSynth } from '../../../test/harness/speech.js';
import { voiceConfigSchema } from '../config.js';
import { PocketsphinxRecognizer } from './pocketsphinx.js';
import { NOISE_SEED } from './pocketsphinx-noise-seed.js';
import type { UtteranceOptions } from './types.js';

it('a clip on a fresh source decodes to the same words and score as the first thing the decoder hears and after other speech', async () => {
  const synth = new SpeechSynth();
  const fresh = new PocketsphinxRecognizer({
    ...voiceConfigSchema.parse({}).pocketsphinx,
    noiseSeed: NOISE_SEED,
    log: silentLogger,
  });
  await synth.start();
  try {
    const clip = await synth.say('turn off the kitchen light', { voice: 'en-us', speed: 160 });
    // Louder noise and other voices than the clip, so a front end that learnt from them would start elsewhere.
    const others = [
      await synth.say('what is the temperature in the bathroom', { voice: 'en-us+m3', speed: 120, noise: 0.02 }),
      await synth.say('close the living room curtains', { voice: 'en-gb', speed: 175, noise: 0.05 }),
      await synth.say('lock the front door', { voice: 'en-us+f3', speed: 140 }),
    ];
    await fresh.start();
    await fresh.setGrammar({ jsgf: HOUSEHOLD_JSGF });
    const decode = async (pcm: Buffer, options: UtteranceOptions) => {
      const session = fresh.startUtterance(options);
      for (let i = 0; i < pcm.length; i += 640) session.feed(pcm.subarray(i, i + 640));
      const { text, scorePerFrame, fit } = await session.end();
      return { text, scorePerFrame, fit: fit?.fit, coverage: fit?.coverage };
    };
    const first = await decode(clip.pcm, { source: 'satellite:first' });
    expect(first.text).toBe('turn off the kitchen light');
    const firstUpload = await decode(clip.pcm, { source: 'api', standalone: true });
    for (const [i, other] of others.entries()) await decode(other.pcm, { source: `satellite:other-${i}` });
    expect(await decode(clip.pcm, { source: 'satellite:later' })).toEqual(first);
    expect(await decode(clip.pcm, { source: 'api', standalone: true })).toEqual(firstUpload);
    // A known source may start from what it learnt (its own mean), so its result may differ; a new one never does.
    for (const other of others) await decode(other.pcm, { source: 'satellite:first' });
    expect(await decode(clip.pcm, { source: 'satellite:last' })).toEqual(first);
  } finally {
    await fresh.stop();
    await synth.stop();
  }
}, 240_000); // eleven decodes with their fit passes on a loaded machine
