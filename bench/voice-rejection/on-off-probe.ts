/**
 * On or off, lock or unlock, open or close: the word that decides what happens is one short word the big grammar can
 * swap ("turn off the kitchen light" heard as "turn on …"). Per clip: what the command grammar heard, and the lead of
 * the heard words over the swapped reading (RecognitionResult.lead, acoustic per frame) — calibrates
 * voice.pocketsphinx.oppositeMargin. Grammar: the tuned 18-device household's as the hub exports it; espeak-ng voices
 * × speeds; each clip decoded standalone.
 *   npx tsx bench/voice-rejection/on-off-probe.ts [--voices 8 | --only en-us,en-gb] [--args '{"-wbeam":"1e-48"}']
 */
import { silentLogger } from '../../hub/core/logger.js';
import { voiceConfigSchema } from '../../hub/voice/config.js';
import { opposites } from '../../hub/voice/opposite.js';
import { PocketsphinxRecognizer } from '../../hub/voice/recognizers/pocketsphinx.js';
import { runHouseholdOn } from '../../test/harness/household.js';
import { startTestHub } from '../../test/harness/hub.js';
import { tunedHousehold } from '../../test/harness/tuned-household.js';
import { until } from '../../test/harness/until.js';
import { englishVoices } from '../../test/phrasings/voice/render.js';
import { firstUtterance, speak } from './clips.js';
import { cliArg } from '../cli-arg.js';

const SENTENCES = [
  'turn off the kitchen light',
  'turn on the kitchen light',
  'turn off the hallway light',
  'turn on the bedroom light',
  'switch off the kettle',
  'switch on the living room lamp',
  'lock the front door',
  'unlock the front door',
  'open the garage door',
  'close the garage door',
];
const SPEEDS = [140, 165, 190];

const hub = await startTestHub({ config: { voice: { recognizer: 'pocketsphinx', tts: { enabled: false } } } });
const house = await runHouseholdOn(hub, tunedHousehold);
await hub.hub.voice().refreshGrammar();
await until(() => hub.hub.voice().loadedGrammar()?.jsgf?.includes('dehumidifier') === true, 'the grammar', 120_000);
const grammar = hub.hub.voice().loadedGrammar()!;
const config = voiceConfigSchema.parse({}).pocketsphinx;
const rec = new PocketsphinxRecognizer({
  ...config,
  args: JSON.parse(cliArg('--args', '{}')) as Record<string, string>,
  log: silentLogger,
});
await rec.start();
await rec.setGrammar(grammar);
const only = cliArg('--only')?.split(',');
const voices = only ?? (await englishVoices()).slice(0, Number(cliArg('--voices', '99')));
const rows: { said: string; heard: string; lead: number | undefined }[] = [];
for (const voice of voices)
  for (const speed of SPEEDS)
    for (const said of SENTENCES) {
      const s = rec.startUtterance({ source: 'api', standalone: true });
      for (const part of firstUtterance(await speak(said, voice, speed))) s.feed(part);
      const r = await s.end();
      const rivals = opposites(r.text);
      const lead = rivals.length && r.lead ? (await r.lead(rivals))?.lead : undefined;
      rows.push({ said, heard: r.text, lead });
      if (r.text !== said || (lead ?? 99) < 3)
        console.log(`${voice} ${speed}: "${said}" -> "${r.text}" lead ${lead?.toFixed(1)}`);
    }
await rec.stop();
await house.stop();
await hub.stop();
const swapped = rows.filter((r) => r.heard !== '' && opposites(r.said).includes(r.heard));
const right = rows.filter((r) => r.heard === r.said);
const sorted = (xs: typeof rows) =>
  xs
    .map((x) => x.lead ?? NaN)
    .sort((a, b) => a - b)
    .map((v) => v.toFixed(1))
    .join(' ');
console.log(`${rows.length} clips; heard right ${right.length}, heard as the opposite ${swapped.length}`);
console.log(`leads of right decodes: ${sorted(right)}`);
console.log(`leads of opposite decodes: ${sorted(swapped)}`);
