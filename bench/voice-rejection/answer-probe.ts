/**
 * A first look at how an open question's answer competes with the command grammar: a few answers and commands in
 * two espeak-ng voices, decoded with a yes/no question open (standalone and on a warm source); prints what was heard
 * and the answer's acoustic lead per frame. The full calibration is answers.ts.
 *   npx tsx bench/voice-rejection/answer-probe.ts
 */
import { silentLogger } from '../../hub/core/logger.js';
import { voiceConfigSchema } from '../../hub/voice/config.js';
import { PocketsphinxRecognizer } from '../../hub/voice/recognizers/pocketsphinx.js';
import { HOUSEHOLD_JSGF } from '../../test/harness/speech.js';
import { firstUtterance, speak } from './clips.js';
const config = voiceConfigSchema.parse({}).pocketsphinx;
const rec = new PocketsphinxRecognizer({ ...config, log: silentLogger });
await rec.start();
await rec.setGrammar({ jsgf: HOUSEHOLD_JSGF.replace(' | <answers>;', ';') });
await rec.setAnswerGrammar('yes-no', {
  jsgf: '#JSGF V1.0;\ngrammar yn;\npublic <a> = yes | no | yes please | no thanks;\n',
});
for (const text of ['lock the front door', 'yes please', 'turn on the kitchen light', 'no']) {
  for (const voice of ['en-us', 'en-gb']) {
    const pcm = await speak(text, voice, 160);
    for (const standalone of [true, false]) {
      const s = rec.startUtterance({ source: standalone ? 'api' : 'sat', standalone, grammar: 'yes-no' });
      for (const p of firstUtterance(pcm)) s.feed(p);
      const r = await s.end();
      console.log(text, voice, standalone, JSON.stringify({ text: r.text, lead: r.answerLead, fellBack: r.fellBack }));
    }
  }
}
await rec.stop();
