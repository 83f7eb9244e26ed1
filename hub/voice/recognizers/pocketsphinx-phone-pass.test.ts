/**
 * The free-phone pass run while the audio arrives (its own decoder) measures the fit the pass over the kept audio
 * after the endpoint measures: real espeak-ng speech through two real recognisers, one of each kind. Both start every
 * pass from the same noise seed; without one, the live pass starts from the noise estimate the command pass starts
 * from, the pass after the endpoint from the one the command pass ended with (a noisy clip after a clean one: 2.7
 * apart per frame).
 */
import { expect, it } from 'vitest';
import { silentLogger } from '../../core/logger.js';
import { HOUSEHOLD_JSGF, SpeechSynth } from '../../../test/harness/speech.js';
import { voiceConfigSchema } from '../config.js';
import { PocketsphinxRecognizer } from './pocketsphinx.js';
import { NOISE_SEED } from './pocketsphinx-noise-seed.js';
import type { Fit } from './types.js';

const config = { ...voiceConfigSchema.parse({}).pocketsphinx, noiseSeed: NOISE_SEED };

it('with a noise seed, a warm source gets the same fit from the live free-phone pass as from the pass after the endpoint', async () => {
  const synth = new SpeechSynth();
  await synth.start();
  // The fit floor on: every utterance's fit measured, the free phones decoded while it is spoken.
  const live = new PocketsphinxRecognizer({ ...config, log: silentLogger });
  // No floor: the fit is measured only when asked, over the kept audio, after the endpoint.
  const after = new PocketsphinxRecognizer({ ...config, minFit: null, log: silentLogger });
  try {
    const clips = [
      await synth.say('turn on the kitchen light', { voice: 'en-us', speed: 160 }),
      await synth.say('close the living room curtains', { voice: 'en-gb', speed: 175, noise: 0.01 }),
      await synth.say('what is the weather like in the garden today', { voice: 'en-us+m3', speed: 145 }),
    ];
    const fits = async (recognizer: PocketsphinxRecognizer, measure: 'fit' | 'margin') => {
      await recognizer.start();
      await recognizer.setGrammar({ jsgf: HOUSEHOLD_JSGF });
      const out: (Fit | undefined)[] = [];
      // The first clip makes the source warm (its mean learnt; a new source's audio never reaches the live decoder),
      // the second gives the live decoder audio heard before: its very first pass starts with none, and its first
      // frames scored 0.42 per frame apart from the pass after the endpoint. The clips after are compared.
      for (const clip of [clips[0]!, clips[0]!, ...clips]) {
        const session = recognizer.startUtterance({ source: 'satellite:kitchen' });
        for (let i = 0; i < clip.pcm.length; i += 640) session.feed(clip.pcm.subarray(i, i + 640));
        const result = await session.end();
        out.push(measure === 'fit' ? result.fit : await result.margin?.());
      }
      return out.slice(2);
    };
    const measuredLive = await fits(live, 'fit');
    const measuredAfter = await fits(after, 'margin');
    expect(measuredLive.every((f) => f !== undefined && Number.isFinite(f.fit))).toBe(true);
    // The same measure up to the first frames: their acoustic scores still depend a little on the audio the decoder
    // heard before (the live decoder: the last utterance; after the endpoint: this one), not on the noise estimate.
    for (const [i, fit] of measuredLive.entries()) {
      const other = measuredAfter[i]!;
      expect(Math.abs(fit!.fit - other.fit), `clip ${i}`).toBeLessThan(0.25);
      expect(Math.abs(fit!.coverage - other.coverage), `clip ${i}`).toBeLessThan(0.02);
      expect(fit!.words?.map((w) => w.word)).toEqual(other.words?.map((w) => w.word));
    }
  } finally {
    await live.stop();
    await after.stop();
    await synth.stop();
  }
}, 240_000);
