/**
 * How sure the hub must be before it acts on a lock, door, gate, garage, car or purchase command it heard
 * (voice.pocketsphinx.sensitiveMargin): every decode that lands on such a command, with its margin (the words' score
 * minus a free-phone pass, per 10 ms frame), split into right (the words said) and wrong (anything else heard as one).
 * The command grammar is the held-out household's (test/phrasings/household.yaml, 115 devices) as the hub builds it;
 * each clip is decoded on its own (standalone, as uploads are).
 * Speech: my own lock/door/gate/car sentences in every English espeak-ng voice at 130–200 wpm; the held-out dev
 * commands (as eval:voice-phrasings speaks them) and fortunes-min prose, which must never land on one unasked.
 *   npx tsx bench/voice-rejection/sensitive.ts [--voices 8] [--commands 100] [--prose 60] [--margins 0,2,4,6,8]
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { silentLogger } from '../../hub/core/logger.js';
import { voiceConfigSchema } from '../../hub/voice/config.js';
import { PocketsphinxRecognizer } from '../../hub/voice/recognizers/pocketsphinx.js';
import { guardsTheHouse } from '../../device-types/sensitive-commands.js';
import { withSpokenNames } from '../../hub/voice/spoken-names.js';
import { startTestHub } from '../../test/harness/hub.js';
import { until } from '../../test/harness/until.js';
import { seededRandom } from '../../test/harness/seeded-random.js';
import { HOUSEHOLD_FILE } from '../../test/phrasings/lib/household.js';
import { englishVoices } from '../../test/phrasings/voice/render.js';
import { firstUtterance, heldoutDevClips, proseClips, speak, type Clip } from './clips.js';
import { cliArg } from '../cli-arg.js';

const margins = cliArg('--margins', '-4,-2,0,2,4,6,8,10').split(',').map(Number);
/** Said to the 115-device household: its locks, garage door, garden gate and car. */
const SENTENCES = [
  'lock the front door',
  'unlock the front door',
  'lock the back door',
  'unlock the back door',
  'lock the side door',
  'unlock the side door',
  'open the garage door',
  'close the garage door',
  'open the garden gate',
  'close the garden gate',
  'lock the car',
  'unlock the car',
];

const voices = (await englishVoices()).slice(0, Number(cliArg('--voices', '99')));
const random = seededRandom(11);
const mine: Clip[] = [];
for (const voice of voices) {
  for (const text of SENTENCES)
    mine.push({ label: text, pcm: await speak(text, voice, 130 + 10 * Math.floor(random() * 8)) });
}
const others = [
  ...(await heldoutDevClips(Number(cliArg('--commands', '100')))),
  ...(await proseClips(Number(cliArg('--prose', '60')))),
];

const hub = await startTestHub({
  config: {
    ...(parse(readFileSync(HOUSEHOLD_FILE, 'utf8')) as object),
    voice: { recognizer: 'pocketsphinx', tts: { enabled: false } },
  },
});
await until(() => hub.hub.voice().loadedGrammar() !== undefined, 'the grammar', 60_000);
const grammar = hub.hub.voice().loadedGrammar()!;
const language = hub.hub.language();
const devices = hub.hub.devices().list();
const names = devices.flatMap((d) => [d.name, ...d.aliases]);
const sensitive = (text: string) => {
  const understood = language.understand(withSpokenNames(text, names), {}) as {
    intent?: { name: string };
    targets?: string[];
  };
  return (understood.targets ?? []).some((id) => {
    const device = devices.find((d) => d.id === id);
    return device !== undefined && guardsTheHouse(device);
  });
};
const config = voiceConfigSchema.parse({}).pocketsphinx;
const rec = new PocketsphinxRecognizer({ ...config, log: silentLogger });
await rec.start();
await rec.setGrammar(grammar);

interface Landed {
  label: string;
  heard: string;
  margin: number;
  right: boolean;
}
const landed: Landed[] = [];
let decoded = 0;
for (const clip of [...mine, ...others]) {
  const s = rec.startUtterance({ source: 'api', standalone: true });
  for (const part of firstUtterance(clip.pcm)) s.feed(part);
  const r = await s.end();
  decoded++;
  if (!r.text || !sensitive(r.text)) continue;
  const margin = r.margin ? (await r.margin()).fit : NaN;
  landed.push({ label: clip.label, heard: r.text, margin, right: r.text === clip.label.toLowerCase() });
}
await rec.stop();
await hub.stop();
const right = landed.filter((l) => l.right);
const wrong = landed.filter((l) => !l.right);
console.log(
  `decoded ${decoded} clips (${mine.length} lock/door/gate/car in ${voices.length} voices, ${others.length} held-out commands and prose); landed on a sensitive command: right ${right.length}, wrong ${wrong.length}`,
);
for (const m of margins) {
  console.log(
    `margin ${m}: right acted ${right.filter((l) => l.margin >= m).length}/${right.length}, asked ${right.filter((l) => l.margin < m).length}; wrong acted ${wrong.filter((l) => l.margin >= m).length}/${wrong.length}`,
  );
}
const sorted = (xs: Landed[]) =>
  xs
    .map((x) => x.margin)
    .sort((a, b) => a - b)
    .map((v) => v.toFixed(1))
    .join(' ');
console.log(`right margins: ${sorted(right)}\nwrong margins: ${sorted(wrong)}`);
if (process.argv.includes('--show'))
  for (const w of wrong.sort((a, b) => b.margin - a.margin))
    console.log(`  ${w.margin.toFixed(1)} "${w.label.slice(0, 50)}" -> "${w.heard}"`);
