/**
 * What can be said depends on the open question (issue 19): the command grammar holds no PIN and no bare yes/no, so
 * speech outside a question is never taken for a purchase PIN; while the hub asks "Shall I order it?" the answer is
 * decoded with a small grammar of yes/no and PIN digits; a command said instead is still heard as a command.
 * Real pieces: espeak-ng speech, pocketsphinx on the grammar exported from the real language service, the ordering
 * skill in the skills runtime, commerce on SQLite and the marketplace simulator over HTTP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../hub/core/logger.js';
import { hashPassword } from '../../hub/mqtt/password-hash.js';
import { bufferSource } from '../../hub/voice/audio/pcm.js';
import { ANSWER_INTENTS } from '../../hub/voice/answer-grammar.js';
import { voiceConfigSchema } from '../../hub/voice/config.js';
import { CommandGrammarSource } from '../../hub/voice/grammar-source.js';
import { ListeningGate } from '../../hub/voice/listening.js';
import { VoicePipeline } from '../../hub/voice/pipeline.js';
import { PocketsphinxRecognizer } from '../../hub/voice/recognizers/pocketsphinx.js';
import { understandWithSkills } from '../../hub/voice/understand.js';
import { loadCmuDictionary } from '../../hub/language/grammar/dictionary.js';
import { DEFAULT_VOCABULARIES } from '../../hub/language/grammar/vocabularies.js';
import { SpeechSynth } from '../harness/speech.js';
import { startOrderingRig, type OrderingRig } from './ordering-fixture.js';

const config = voiceConfigSchema.parse({});
const synth = new SpeechSynth();
const recognizer = new PocketsphinxRecognizer({ ...config.pocketsphinx, log: silentLogger });
let rig: OrderingRig;
let pipeline: VoicePipeline;
let jsgf: string;
let turn = 0;

/** Each utterance from its own recording (as POST /voice takes them), spoken in the kitchen. */
async function say(text: string, voice = 'en-us') {
  const clip = await synth.say(text, { voice, speed: 150 });
  return pipeline.handleUtterance(bufferSource(clip.pcm, { name: `upload:${turn++}`, standalone: true }), {
    area: 'kitchen',
    pushToTalk: true,
  });
}

beforeAll(async () => {
  await synth.start();
  rig = await startOrderingRig({ pin: { required: true, hash: hashPassword('4321') } });
  await recognizer.start();
  const dictionaryPath = `${config.pocketsphinx.modelDir}/cmudict-en-us.dict`;
  const grammar = await new CommandGrammarSource({
    language: rig.language,
    wakePhrase: config.wakePhrase,
    dictionaryPath,
    leaveOut: ANSWER_INTENTS,
    vocabularies: () => ({ ...DEFAULT_VOCABULARIES, product: rig.commerce.spokenProductNames() }),
  }).build();
  jsgf = grammar.jsgf!;
  await recognizer.setGrammar(grammar);
  const gate = new ListeningGate({
    wakePhrase: config.wakePhrase,
    requireWakePhrase: true,
    followUpMs: config.followUpMs,
    clock: rig.clock,
  });
  pipeline = new VoicePipeline({
    recognizer,
    understand: understandWithSkills(rig.runtime),
    vad: config.vad,
    gate,
    clock: rig.clock,
    log: silentLogger,
    dictionary: () => loadCmuDictionary(dictionaryPath),
    followUpMs: config.followUpMs,
  });
}, 60_000);
afterAll(async () => {
  await recognizer.stop();
  await rig?.close();
  await synth.stop();
});

describe('answers are heard only while their question is open', () => {
  it('the command grammar has no PIN and no bare yes/no: a spoken PIN with no question open is no PIN', async () => {
    expect(jsgf).not.toMatch(/PurchasePin|HassYes|HassNo/);
    for (const voice of ['en-us', 'en-gb']) {
      const heard = await say('four three two one', voice);
      expect(heard.intent?.name).not.toBe('PurchasePin');
      expect(heard.transcript).not.toMatch(/^((zero|oh|one|two|three|four|five|six|seven|eight|nine) ?){4,}$/);
    }
    expect(await rig.marketplaceOrders()).toBe(0);
  });

  it('"Shall I order it?" is answered with the PIN, decoded with the question\'s grammar, and the order is placed once', async () => {
    const asked = await say('order more coffee');
    expect(asked.reply).toMatch(/coffee.*Shall I order it\?$/);
    const answered = await say('four three two one');
    expect(answered.transcript).toBe('four three two one');
    expect(answered.reply).toMatch(/^Ordered Morning Ridge coffee beans/);
    expect(await rig.marketplaceOrders()).toBe(1);
  });

  it('a command said instead of the answer is heard as that command, and the question is dropped', async () => {
    const asked = await say('order more coffee');
    expect(asked.reply).toMatch(/Shall I order it\?$/);
    const instead = await say('what time is it');
    expect(instead.transcript).toBe('what time is it');
    expect(instead.intent?.name).toBe('HassGetCurrentTime');
    // The next PIN has no question to answer: nothing more is ordered.
    const late = await say('four three two one');
    expect(late.reply).not.toMatch(/^Ordered/);
    expect(await rig.marketplaceOrders()).toBe(1);
  });
});
