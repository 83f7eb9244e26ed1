/**
 * The exported grammar, loaded into the real pocketsphinx recogniser, recognises espeak-ng speech,
 * and the transcripts go back through LanguageService.understand to the intended intent and slots.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../hub/core/logger.js';
import {
  exportGrammar,
  loadCmuDictionary,
  DEFAULT_VOCABULARIES,
  type ExportedGrammar,
} from '../../hub/language/grammar/index.js';
import { LanguageService } from '../../hub/language/service.js';
import { addBuiltinIntents } from '../harness/language.js';
import { buildHousehold } from '../../hub/language/testing/household.js';
import type { SlotValue } from '../../hub/sdk/intents.js';
import { voiceConfigSchema } from '../../hub/voice/config.js';
import { PocketsphinxRecognizer } from '../../hub/voice/recognizers/pocketsphinx.js';
import { SpeechSynth } from '../harness/speech.js';

const CASES: Array<[string, string, Record<string, SlotValue>]> = [
  ['turn on the kitchen light', 'HassTurnOn', { name: 'Kitchen Light' }],
  ['switch off the bedroom fan', 'HassTurnOff', { name: 'Ceiling Fan', area: 'Bedroom' }],
  ['set the office blinds to fifty percent', 'HassSetPosition', { name: 'Office Blinds', position: 50 }],
  ['set the thermostat to twenty one degrees', 'HassClimateSetTemperature', { temperature: 21 }],
  ['what is the temperature in the kitchen', 'HassClimateGetTemperature', { area: 'Kitchen' }],
  ['lock the front door', 'HassTurnOn', { domain: 'lock', name: 'Front Door' }],
  ['is the garage door open', 'HassGetState', { name: 'Garage Door', state: 'open' }],
  ['next song', 'HassMediaNext', { domain: 'media_player' }],
  ['pause the music in the office', 'HassMediaPause', { domain: 'media_player', area: 'Office' }],
  ['set a timer for ten minutes', 'HassStartTimer', { minutes: 10 }],
  ['add milk to my shopping list', 'HassShoppingListAddItem', { item: 'milk' }],
  ['what time is it', 'HassGetCurrentTime', {}],
  ['order more coffee beans', 'ReorderItem', { product: 'coffee beans' }],
  ['where is my order', 'OrderStatus', {}],
  ['send the vacuum home', 'HassVacuumReturnToBase', { domain: 'vacuum' }],
];

const synth = new SpeechSynth();
const recognizer = new PocketsphinxRecognizer({ ...voiceConfigSchema.parse({}).pocketsphinx, log: silentLogger });
const language = new LanguageService(buildHousehold(0));
let grammar: ExportedGrammar;

beforeAll(async () => {
  await Promise.all([synth.start(), recognizer.start(), language.start()]);
  addBuiltinIntents(language);
  const { registry } = language;
  grammar = exportGrammar(
    { templates: registry.templates(), rules: registry.ruleTable(), lists: registry.lists },
    {
      dictionary: await loadCmuDictionary(),
      vocabularies: { ...DEFAULT_VOCABULARIES, product: ['coffee beans', 'paper towels', 'dish soap'] },
    },
  );
  await recognizer.setGrammar({ jsgf: grammar.jsgf });
}, 120_000);
afterAll(async () => {
  await Promise.all([recognizer.stop(), synth.stop()]);
});

describe('exported grammar with pocketsphinx', () => {
  it('recognises espeak-ng commands from 15 intents and understands the transcripts', async () => {
    const rows: Array<{ said: string; heard: string; ms: number; intentOk: boolean }> = [];
    for (const [said, intent, slots] of CASES) {
      const clip = await synth.say(said);
      const session = recognizer.startUtterance();
      for (let i = 0; i < clip.pcm.length; i += 3200) session.feed(clip.pcm.subarray(i, i + 3200));
      const result = await session.end();
      const understood = language.understand(result.text);
      const intentOk =
        understood.intent?.name === intent &&
        Object.entries(slots).every(([k, v]) => understood.intent?.slots[k] === v);
      rows.push({ said, heard: result.text, ms: Math.round(result.ms), intentOk });
    }
    const exact = rows.filter((r) => r.heard === r.said).length;
    const understood = rows.filter((r) => r.intentOk).length;
    console.log(
      `grammar ${grammar.stats.jsgfBytes} bytes, ${grammar.stats.inlinedWords} inlined words; transcripts exact ${exact}/${rows.length}, intent+slots ${understood}/${rows.length}`,
    );
    console.table(rows);
    // Every transcript is a sentence of the grammar, so each one must at least be understood as some intent
    // (an empty transcript is the recogniser hearing nothing it could match, counted as a miss below).
    for (const row of rows.filter((r) => r.heard !== ''))
      expect(language.understand(row.heard).intent, row.heard).toBeDefined();
    // Measured with the full built-in grammar (452 sentences): 8-9/15 exact, 11/15 understood; the usual
    // misses are determiners ("the" heard as "that") and short commands pulled into longer sentences.
    expect(exact).toBeGreaterThanOrEqual(7);
    expect(understood).toBeGreaterThanOrEqual(10);
  }, 300_000);
});
