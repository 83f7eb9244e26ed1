/**
 * One pass that records, per clip, everything the rejection and "Did you say …?" thresholds are chosen from: what
 * was heard (standalone decode, as uploads are), rejected by the junk loop or not, the path score per frame, the
 * margin over free phones, the intent and whether it touches a lock, door, gate, car or purchase. Thresholds are
 * then compared offline (`--report file.json`) without decoding again.
 * Clips, none written for the grammar they are decoded with:
 * - real: the real-speech dev set's coffee orders (halves a and b) on its hub with the barista skill installed;
 * - heldout: the held-out dev commands (eval:voice-phrasings' sample) on the 115-device household;
 * - prose: fortunes-min sentences, and chatter: test/harness/non-commands.ts, both on both grammars.
 *   npx tsx bench/voice-rejection/calibrate.ts [--weights 0,1e-6] [--args '{"-wbeam":"1e-48"}'] [--prose 100]
 *     [--sets real,heldout] --out /tmp/calibrate.json
 *   npx tsx bench/voice-rejection/calibrate.ts --report /tmp/calibrate.json
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { silentLogger } from '../../hub/core/logger.js';
import { voiceConfigSchema } from '../../hub/voice/config.js';
import { PocketsphinxRecognizer } from '../../hub/voice/recognizers/pocketsphinx.js';
import type { Fit } from '../../hub/voice/recognizers/types.js';
import { guardsTheHouse } from '../../device-types/sensitive-commands.js';
import { withSpokenNames } from '../../hub/voice/spoken-names.js';
import { startTestHub, type TestHub } from '../../test/harness/hub.js';
import { NON_COMMANDS } from '../../test/harness/non-commands.js';
import { seededRandom } from '../../test/harness/seeded-random.js';
import { until } from '../../test/harness/until.js';
import { HOUSEHOLD_FILE, Household } from '../../test/phrasings/lib/household.js';
import type { SlotValue } from '../../test/phrasings/lib/cases.js';
import { judge } from '../../test/phrasings/lib/score.js';
import { englishVoices } from '../../test/phrasings/voice/render.js';
import {
  DEV_SKILL_TRUST,
  installBaristaSkillHeard,
  labelSlots,
  loadDevClips,
  normaliseSlot,
} from '../real-speech/dev-set.js';
import { type Clip, firstUtterance, heldoutDevClips, proseClips, speak, writeJson } from './clips.js';
import { report } from './calibrate-report.js';
import { cliArg } from '../cli-arg.js';

export interface Decoded {
  set: 'real-a' | 'real-b' | 'heldout' | 'prose' | 'chatter';
  grammar: 'real' | 'household';
  weight: number;
  label: string;
  heard: string;
  rejected: boolean;
  scorePerFrame: number;
  margin: number | null;
  coverage?: number | null;
  /** Fit.worstWord: the worst-fitting heard word's fit on its own frames. */
  worstWord?: number | null;
  /** Fit.uncovered: speech frames the words leave to the free phones. */
  uncovered?: number | null;
  /** Fit.words: each heard word's fit on its own frames. */
  words?: Fit['words'] | null;
  intent: string | null;
  /** For commands: the intent (and, for real orders, every slot) is right. */
  right: boolean;
  frameRight: boolean;
  sensitive: boolean;
}

if (process.argv.includes('--report')) {
  report(JSON.parse(readFileSync(cliArg('--report', ''), 'utf8')) as Decoded[]);
  process.exit(0);
}

const weights = cliArg('--weights', '0').split(',').map(Number);
const decoderArgs = JSON.parse(cliArg('--args', '{}')) as Record<string, string>;
const sets = cliArg('--sets', 'real,heldout').split(',');
const halves = cliArg('--halves', 'a,b').split(',');
const allMargins = process.argv.includes('--margins');
const voices = await englishVoices();
const random = seededRandom(23);
const chatter: Clip[] = [];
for (const [i, text] of NON_COMMANDS.entries())
  chatter.push({
    label: text,
    pcm: await speak(text, voices[i % voices.length]!, 130 + 10 * Math.floor(random() * 8)),
  });
const prose = await proseClips(Number(cliArg('--prose', '100')));
const out: Decoded[] = [];
const started = performance.now();

async function decodeWith(
  hub: TestHub,
  grammarName: Decoded['grammar'],
  clips: {
    set: Decoded['set'];
    clip: Clip;
    score?: (heard: { intent: string | null; slots: Record<string, unknown> }) => [boolean, boolean];
  }[],
  buys: (intent: string) => boolean,
) {
  const grammar = hub.hub.voice().loadedGrammar()!;
  const language = hub.hub.language();
  const devices = hub.hub.devices().list();
  const names = devices.flatMap((d) => [d.name, ...d.aliases]);
  const config = voiceConfigSchema.parse({}).pocketsphinx;
  for (const weight of weights) {
    const rec = new PocketsphinxRecognizer({
      ...config,
      args: decoderArgs,
      rejectionWeight: weight,
      // No score floor: applied offline (calibrate-report.ts), so every decode keeps its words.
      minScorePerFrame: null,
      minFit: null,
      log: silentLogger,
    });
    await rec.start();
    await rec.setGrammar(grammar);
    for (const { set, clip, score } of clips) {
      const s = rec.startUtterance({ source: 'api', standalone: true });
      for (const part of firstUtterance(clip.pcm)) s.feed(part);
      const r = await s.end();
      const understood = (r.text && !r.rejected ? language.understand(withSpokenNames(r.text, names), {}) : {}) as {
        intent?: { name: string; slots?: Record<string, unknown> };
        targets?: string[];
      };
      const intent = understood.intent?.name ?? null;
      const [right, frameRight] = score ? score({ intent, slots: understood.intent?.slots ?? {} }) : [false, false];
      const sensitive =
        intent !== null &&
        (buys(intent) ||
          (understood.targets ?? []).some((id) => {
            const d = devices.find((x) => x.id === id);
            return d !== undefined && guardsTheHouse(d);
          }));
      // The margin costs a free-phone pass: measured only where it is used (sensitive commands), unless --margins.
      const fit = r.margin && (sensitive || allMargins) ? await r.margin() : null;
      out.push({
        set,
        grammar: grammarName,
        weight,
        label: clip.label,
        heard: r.text,
        rejected: r.rejected === true,
        scorePerFrame: r.scorePerFrame ?? 0,
        margin: fit?.fit ?? null,
        coverage: fit?.coverage ?? null,
        worstWord: fit?.worstWord ?? null,
        uncovered: fit?.uncovered ?? null,
        words: fit?.words ?? null,
        intent,
        right,
        frameRight,
        sensitive,
      });
      if (out.length % 25 === 0) {
        writeJson(cliArg('--out', '/tmp/hearth-calibrate.json'), out);
        console.error(`${out.length} decoded (${Math.round((performance.now() - started) / 1000)} s)`);
      }
    }
    await rec.stop();
    console.error(
      `${grammarName} weight ${weight}: ${out.length} decoded (${Math.round((performance.now() - started) / 1000)} s)`,
    );
  }
}

/** a and b alternating (the rest of the longer one at the end): a run stopped early has some of each. */
function interleave<T, U>(a: readonly T[], b: readonly U[]): (T | U)[] {
  return Array.from({ length: Math.max(a.length, b.length) }, (_, i) => [
    ...(i < a.length ? [a[i]!] : []),
    ...(i < b.length ? [b[i]!] : []),
  ]).flat();
}

// Alternating, so a run stopped early still has both kinds.
const nonCommands = chatter.flatMap((clip, i) => [
  { set: 'chatter' as const, clip },
  ...(prose[i] ? [{ set: 'prose' as const, clip: prose[i] }] : []),
]);

if (sets.includes('real')) {
  const hub = await startTestHub({
    config: { ...DEV_SKILL_TRUST, voice: { recognizer: 'pocketsphinx', tts: { enabled: false } } },
  });
  try {
    await installBaristaSkillHeard(hub, 120_000);
    const clips = await loadDevClips('/tmp/hearth-real-speech-cache');
    const runtime = hub.hub.skills();
    await decodeWith(
      hub,
      'real',
      interleave(
        clips
          .filter((c) => halves.includes(c.half))
          .map((c) => ({
            set: (c.half === 'a' ? 'real-a' : 'real-b') as Decoded['set'],
            clip: { label: c.name, pcm: c.pcm },
            score: (heard: { intent: string | null; slots: Record<string, unknown> }): [boolean, boolean] => {
              const got = labelSlots(heard.slots);
              const right = heard.intent === c.intent;
              const keys = new Set([...Object.keys(got), ...Object.keys(c.slots)]);
              return [
                right,
                right && [...keys].every((k) => normaliseSlot(got[k] ?? '') === normaliseSlot(c.slots[k] ?? '')),
              ];
            },
          })),
        nonCommands,
      ),
      (intent) => runtime.placesOrders(intent),
    );
  } finally {
    await hub.stop();
  }
}

if (sets.includes('heldout')) {
  const home = Household.load();
  const hub = await startTestHub({
    config: {
      ...(parse(readFileSync(HOUSEHOLD_FILE, 'utf8')) as object),
      voice: { recognizer: 'pocketsphinx', tts: { enabled: false } },
    },
  });
  try {
    await until(() => hub.hub.voice().loadedGrammar() !== undefined, 'the grammar', 120_000);
    const commands = (await heldoutDevClips(Number(cliArg('--commands', '100')))).filter(
      (c) => c.case!.intent !== null && !c.case!.noCommand,
    );
    const runtime = hub.hub.skills();
    await decodeWith(
      hub,
      'household',
      interleave(
        commands.map((clip) => ({
          set: 'heldout' as const,
          clip,
          score: (heard: { intent: string | null; slots: Record<string, unknown> }): [boolean, boolean] => {
            const v = judge(
              clip.case!,
              {
                intent: heard.intent ? { name: heard.intent, slots: heard.slots as Record<string, SlotValue> } : null,
                targets: [],
                actions: [],
              },
              home,
            );
            return [v.intentOk, v.frameOk];
          },
        })),
        nonCommands,
      ),
      (intent) => runtime.placesOrders(intent),
    );
  } finally {
    await hub.stop();
  }
}

writeJson(cliArg('--out', '/tmp/hearth-calibrate.json'), out);
report(out);
