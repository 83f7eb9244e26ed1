/**
 * Decoder settings on the real grammar (live templates + the firmware-sim household): real-time
 * factor and exact transcripts for espeak-ng commands.   npx tsx bench/voice-grammar-tuning.ts
 */
import { runHouseholdOn } from '../test/harness/household.js';
import { silentLogger } from '../hub/core/logger.js';
import { voiceConfigSchema } from '../hub/voice/config.js';
import { CommandGrammarSource } from '../hub/voice/grammar-source.js';
import { PocketsphinxRecognizer } from '../hub/voice/recognizers/pocketsphinx.js';
import { startTestHub } from '../test/harness/hub.js';
import { SpeechSynth, synthesiseAll } from '../test/harness/speech.js';
import { HOUSEHOLD_VOICE_COMMANDS } from '../test/harness/voice-commands.js';
import { Endpointer } from '../hub/voice/vad.js';
import { DEFAULT_VOCABULARIES } from '../hub/language/grammar/vocabularies.js';
import { withSpokenNames } from '../hub/voice/spoken-names.js';
import { tunedHousehold } from '../test/harness/tuned-household.js';

const config = voiceConfigSchema.parse({});
const hub = await startTestHub({ config: { voice: { recognizer: 'text' } } });
const house = await runHouseholdOn(hub, tunedHousehold);
/** argv[3]: `scoped` (default: each sentence takes only the devices it can act on) or `plain` (every name everywhere). */
const scoped = (process.argv[3] ?? 'scoped') === 'scoped';
const devices = hub.hub.devices();
// As the running hub builds it (hub/main.ts, VoiceService): area and floor names, the wildcard vocabularies and product names.
hub.hub.language().refreshHousehold();
const commerce = hub.hub.commerce();
const grammar = await new CommandGrammarSource({
  language: hub.hub.language(),
  wakePhrase: config.wakePhrase,
  dictionaryPath: `${config.pocketsphinx.modelDir}/cmudict-en-us.dict`,
  vocabularies: () => ({ ...DEFAULT_VOCABULARIES, product: commerce.spokenProductNames() }),
  ...(scoped ? { devices: () => devices.list() } : {}),
}).build();
const deviceNames = devices.list().flatMap((d) => [d.name, ...d.aliases]);
console.log('grammar', grammar.origin, scoped ? 'scoped' : 'plain', grammar.jsgf!.length, 'bytes');
const synth = new SpeechSynth();
await synth.start();
/** argv[4]: only the commands matching this regular expression (quick looks at the hard ones). */
const only = process.argv[4] ? new RegExp(process.argv[4]) : undefined;
const commands = HOUSEHOLD_VOICE_COMMANDS.filter((c) => !only || only.test(c.text));
const cases = [
  { voice: 'en-us', speed: 150 },
  { voice: 'en-gb', speed: 175 },
  { voice: 'en-us+m3', speed: 140 },
].flatMap((v) => commands.map((c) => ({ ...v, text: c.text, expected: c })));
const clips = await synthesiseAll(synth, cases, 2);
/** The speech part only, as the VAD would hand it over. */
function speech(pcm: Buffer): Buffer {
  const vad = new Endpointer(config.vad);
  const parts: Buffer[] = [];
  for (const e of [...vad.process(pcm), ...vad.finish()]) if (e.type !== 'end') parts.push(e.pcm);
  return Buffer.concat(parts);
}
/** The cepstral mean of espeak-ng speech in these voices (bench/voice-tuning.ts): the old default, fitted to the synthesiser. */
const ESPEAK_SEED = [45.29, -2.12, -6.76, 18.7, -12.31, -0.45, 0.56, -20.34, -0.82, -12.16, 7.94, -3.73, -4.89];
/**
 * A variant's `cmn` entry is not a decoder flag. Without it: the default, the mean adapted per source from the model's
 * -cmninit (all clips come from one source, in order, from a fresh start). `model`: every utterance starts from the
 * model's -cmninit; `espeak`: from ESPEAK_SEED; `carry`: the library's one running mean from the model's.
 *   npx tsx bench/voice-grammar-tuning.ts '{"adaptive":{},"carry":{"cmn":"carry"},"espeak seed":{"cmn":"espeak"}}'
 */
const VARIANTS: Record<string, Record<string, string>> = JSON.parse(process.argv[2] ?? '{"adaptive":{}}');
for (const [name, { cmn, ...args }] of Object.entries(VARIANTS)) {
  const seed =
    cmn === 'model'
      ? { cmn: 'seed' as const }
      : cmn === 'carry'
        ? { cmn: 'carry' as const }
        : cmn === 'espeak'
          ? { cmnInit: ESPEAK_SEED }
          : {};
  const rec = new PocketsphinxRecognizer({ ...config.pocketsphinx, ...seed, log: silentLogger, args });
  await rec.start();
  await rec.setGrammar(grammar);
  let exact = 0,
    ms = 0,
    audio = 0,
    intents = 0;
  const misses: string[] = [];
  const endMs: number[] = [];
  for (const clip of clips) {
    const pcm = speech(clip.pcm);
    const s = rec.startUtterance({ source: 'bench' });
    for (let i = 0; i < pcm.length; i += 640) s.feed(pcm.subarray(i, i + 640));
    const t0 = performance.now();
    const r = await s.end();
    endMs.push(performance.now() - t0);
    ms += r.ms;
    audio += pcm.length / 32;
    const c = cases[clips.indexOf(clip)]!.expected;
    const u = hub.hub.language().understand(withSpokenNames(r.text, deviceNames), c.area ? { area: c.area } : {});
    const intentOk = u.intent?.name === c.intent && Object.entries(c.slots).every(([k, v]) => u.intent!.slots[k] === v);
    if (intentOk) intents++;
    if (r.text === clip.text) exact++;
    const voice = cases[clips.indexOf(clip)]!.voice;
    if (!intentOk) misses.push(`${voice} "${clip.text}" → "${r.text}"`);
  }
  await rec.stop();
  const firstMs = endMs[0]!; // a fresh source: with adaptive CMN its first utterance is decoded twice
  endMs.sort((a, b) => a - b);
  const p = (q: number) => endMs[Math.min(endMs.length - 1, Math.floor(q * endMs.length))]!.toFixed(1);
  console.log(
    `${name.padEnd(30)} intents ${intents}/${clips.length} exact ${exact}/${clips.length}  RTF ${(ms / audio).toFixed(3)}  end() p50 ${p(0.5)} ms p95 ${p(0.95)} ms first ${firstMs.toFixed(1)} ms  ${misses.join(' | ')}`,
  );
}
await synth.stop();
await house.stop();
await hub.stop();
