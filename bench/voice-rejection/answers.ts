/**
 * How much an open question's answers are favoured over commands: answers said to it must be heard, anything else
 * (a command, talk in the room) must be heard as a command, never become "yes" or a PIN. The command grammar is the
 * held-out household's (test/phrasings/household.yaml, 115 devices), as the hub builds it; each clip is decoded once
 * and the decision is replayed for every bias from the answer's lead over the best command.
 *   npx tsx bench/voice-rejection/answers.ts [--biases -20000,0,20000] [--commands 100] [--prose 60]
 * Answers: the phrases below in every English espeak-ng voice, 130–200 wpm; non-answers: the held-out dev commands
 * (test/phrasings, as eval:voice-phrasings speaks them) and fortunes-min prose.
 */
import { silentLogger } from '../../hub/core/logger.js';
import { loadCmuDictionary } from '../../hub/language/grammar/dictionary.js';
import { parsePin, parseYesNo } from '../../hub/sdk/answers.js';
import { answerGrammar } from '../../hub/voice/answer-grammar.js';
import { voiceConfigSchema } from '../../hub/voice/config.js';
import { PocketsphinxRecognizer } from '../../hub/voice/recognizers/pocketsphinx.js';
import { englishVoices } from '../../test/phrasings/voice/render.js';
import { seededRandom } from '../../test/harness/seeded-random.js';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { startTestHub } from '../../test/harness/hub.js';
import { until } from '../../test/harness/until.js';
import { HOUSEHOLD_FILE } from '../../test/phrasings/lib/household.js';
import { firstUtterance, heldoutDevClips, proseClips, speak, type Clip } from './clips.js';
import { cliArg } from '../cli-arg.js';

const biases = cliArg('--biases', '-10,-5,0,2,4,6,8,10,15').split(',').map(Number);
const ANSWERS: [string, string][] = [
  ['yes', 'yes'],
  ['no', 'no'],
  ['yes please', 'yes'],
  ['no thanks', 'no'],
  ['go ahead', 'yes'],
  ['sure', 'yes'],
  ['okay', 'yes'],
  ['cancel that', 'no'],
  ['four three two one', '4321'],
  ['my pin is one two three four', '1234'],
  ['nine eight seven six five', '98765'],
];

const config = voiceConfigSchema.parse({}).pocketsphinx;
const voices = await englishVoices();
const random = seededRandom(5);
const answers: (Clip & { want: string })[] = [];
for (const voice of voices) {
  for (const [text, want] of ANSWERS)
    answers.push({
      label: `${text} (${voice})`,
      want,
      pcm: await speak(text, voice, 130 + 10 * Math.floor(random() * 8)),
    });
}
const others = [
  ...(await heldoutDevClips(Number(cliArg('--commands', '100')))).filter((c) => c.case?.intent !== null),
  ...(await proseClips(Number(cliArg('--prose', '60')))),
];
const dictionary = await loadCmuDictionary(`${config.modelDir}/cmudict-en-us.dict`);
const grammar = answerGrammar({ yesNo: true, pin: true }, (w) => dictionary.has(w));

const hub = await startTestHub({
  config: {
    ...(parse(readFileSync(HOUSEHOLD_FILE, 'utf8')) as object),
    voice: { recognizer: 'pocketsphinx', tts: { enabled: false } },
  },
});
await until(() => hub.hub.voice().loadedGrammar() !== undefined, 'the grammar', 60_000);
const commandGrammar = hub.hub.voice().loadedGrammar()!;
await hub.stop();
const rec = new PocketsphinxRecognizer({ ...config, log: silentLogger });
await rec.start();
await rec.setGrammar(commandGrammar);
await rec.setAnswerGrammar('q', grammar);
const decode = async (clip: Clip) => {
  const s = rec.startUtterance({ source: 'api', standalone: true, grammar: 'q' });
  for (const part of firstUtterance(clip.pcm)) s.feed(part);
  return s.end();
};
const said: { clip: Clip & { want: string }; text: string; lead: number; answerText: string }[] = [];
for (const clip of answers) {
  const r = await decode(clip);
  said.push({ clip, text: r.text, lead: r.answerLead ?? -Infinity, answerText: r.fellBack ? '' : r.text });
}
const notAnswers: { clip: Clip; lead: number; text: string }[] = [];
for (const clip of others) {
  const r = await decode(clip);
  notAnswers.push({ clip, lead: r.answerLead ?? -Infinity, text: r.text });
}
await rec.stop();
for (const bias of biases) {
  const heard = said.filter((s) => s.lead + bias >= 0);
  const right = heard.filter((s) => (parsePin(s.text) ?? parseYesNo(s.text)) === s.clip.want);
  const taken = notAnswers.filter((n) => n.lead + bias >= 0);
  console.log(
    `bias ${bias}: answers taken as answers ${heard.length}/${said.length} (read right ${right.length}); non-answers taken as answers ${taken.length}/${notAnswers.length}`,
  );
}
const leads = (xs: { lead: number }[]) =>
  xs
    .map((x) => x.lead)
    .filter(Number.isFinite)
    .sort((a, b) => a - b);
const q = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor(p * xs.length))]?.toFixed(1);
const a = leads(said),
  o = leads(notAnswers);
console.log(
  `answer lead: answers p5 ${q(a, 0.05)} p50 ${q(a, 0.5)} p95 ${q(a, 0.95)}; non-answers p5 ${q(o, 0.05)} p50 ${q(o, 0.5)} p95 ${q(o, 0.95)}`,
);
if (process.argv.includes('--show')) {
  console.log(
    said
      .filter((s) => (parsePin(s.text) ?? parseYesNo(s.text)) !== s.clip.want)
      .slice(0, 12)
      .map((s) => `  ${s.clip.label} -> "${s.text}" lead ${s.lead}`)
      .join('\n'),
  );
  console.log(
    notAnswers
      .sort((x, y) => y.lead - x.lead)
      .slice(0, 12)
      .map((n) => `  ${n.clip.label.slice(0, 50)} -> "${n.text}" lead ${n.lead}`)
      .join('\n'),
  );
}
