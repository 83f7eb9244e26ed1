/**
 * A first look at RecognitionResult.margin (the words' score minus a free-phone pass, per frame) and the path score
 * per frame: lock/door/light/curtain/coffee commands in five espeak-ng voices and 20 prose clips on HOUSEHOLD_JSGF.
 * The calibration on the 115-device household is sensitive.ts.
 *   npx tsx bench/voice-rejection/margin-probe.ts
 */
import { silentLogger } from '../../hub/core/logger.js';
import { voiceConfigSchema } from '../../hub/voice/config.js';
import { PocketsphinxRecognizer } from '../../hub/voice/recognizers/pocketsphinx.js';
import { HOUSEHOLD_JSGF } from '../../test/harness/speech.js';
import { firstUtterance, proseClips, speak } from './clips.js';
const config = voiceConfigSchema.parse({}).pocketsphinx;
const rec = new PocketsphinxRecognizer({ ...config, log: silentLogger });
await rec.start();
await rec.setGrammar({ jsgf: HOUSEHOLD_JSGF });
const cmds = [
  'lock the front door',
  'unlock the front door',
  'turn on the kitchen light',
  'close the living room curtains',
  'order more coffee',
];
const voices = ['en-us', 'en-gb', 'en-us+m3', 'en-gb-scotland', 'en-029'];
const show = async (label: string, pcm: Buffer) => {
  const s = rec.startUtterance({ source: 'api', standalone: true });
  for (const p of firstUtterance(pcm)) s.feed(p);
  const r = await s.end();
  const m = r.margin ? await r.margin() : { fit: NaN, coverage: NaN };
  console.log(
    `${m.fit.toFixed(1).padStart(8)} ${m.coverage.toFixed(2).padStart(5)} ${(r.scorePerFrame ?? 0).toFixed(0).padStart(8)} ${label.slice(0, 40).padEnd(40)} -> ${r.text}`,
  );
};
for (const v of voices) for (const c of cmds) await show(`${c} (${v})`, await speak(c, v, 160));
for (const p of await proseClips(20)) await show(p.label, p.pcm);
await rec.stop();
