/**
 * What the fit over free phones costs at the endpoint: the same clips (HOUSEHOLD_JSGF, espeak-ng, decoded standalone
 * as uploads are and on a warm source as a satellite's are) with voice.pocketsphinx.minFit off and on; time inside the
 * engine per utterance (RecognitionResult.ms), median and p90. Run it on a quiet machine for absolute numbers.
 *   npx tsx bench/voice-rejection/fit-cost.ts
 */
import { silentLogger } from '../../hub/core/logger.js';
import { voiceConfigSchema } from '../../hub/voice/config.js';
import { PocketsphinxRecognizer } from '../../hub/voice/recognizers/pocketsphinx.js';
import { HOUSEHOLD_JSGF } from '../../test/harness/speech.js';
import { firstUtterance, speak } from './clips.js';

const SENTENCES = [
  'turn on the kitchen light',
  'close the living room curtains',
  'lock the front door',
  'order more coffee',
  'set a timer for ten minutes',
];
const clips: Buffer[] = [];
for (const voice of ['en-us', 'en-gb']) for (const text of SENTENCES) clips.push(await speak(text, voice, 160));
const config = voiceConfigSchema.parse({}).pocketsphinx;
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.floor(q * (xs.length - 1))]!;
for (const minFit of [null, -1000]) {
  const rec = new PocketsphinxRecognizer({ ...config, minFit, log: silentLogger });
  await rec.start();
  await rec.setGrammar({ jsgf: HOUSEHOLD_JSGF });
  for (const standalone of [true, false]) {
    const ms: number[] = [];
    for (const pcm of clips) {
      const s = rec.startUtterance({ source: 'warm', standalone });
      for (const part of firstUtterance(pcm)) s.feed(part);
      ms.push((await s.end()).ms);
    }
    console.log(
      `minFit ${minFit ?? 'off'}, ${standalone ? 'standalone' : 'warm source'}: engine ms p50 ${quantile(ms, 0.5).toFixed(0)} p90 ${quantile(ms, 0.9).toFixed(0)}`,
    );
  }
  await rec.stop();
}
