/**
 * npm run eval:voice-phrasings [-- --dev N] [--sealed N] [--seed S] [--errors N] [--concurrency N] [--batches b1,b2,b3] [--command-model ngram]
 * The held-out sentences spoken (voice/render.ts: every English espeak-ng voice and variant, 130–200 wpm, a third
 * under pink or babble noise at 10–20 dB SNR), sent as WAV to a real hub's POST /api/v1/voice?dryRun=true with the
 * satellite's area, judged like the typed ones. Prints right intent and full frame per kind and per voice, variant
 * group, speed and noise, for dev and sealed separately; `--errors N` lists dev misses with what was heard.
 * The sample is drawn from every batch; `--batches b1,b2,b3` draws it from those only (the sample runs before b4 used).
 */
import { readFile } from 'node:fs/promises';
import { seededRandom } from '../../harness/seeded-random.js';
import { loadSplit, type PhrasingCase, type SplitName } from '../lib/cases.js';
import { Household } from '../lib/household.js';
import { startHubUnderTest } from '../lib/hub-under-test.js';
import { formatTally, inScope, Tally } from '../lib/report.js';
import { judge, type Verdict } from '../lib/score.js';
import {
  assignConditions,
  defaultCacheDir,
  englishVoices,
  espeakVariants,
  renderClips,
  sampleCases,
  type SpokenClip,
  type SpokenCondition,
} from './render.js';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const sizes: Record<SplitName, number> = { dev: option('--dev', 100), sealed: option('--sealed', 200) };
const seed = option('--seed', 19);
const showErrors = option('--errors', 0);
const concurrency = option('--concurrency', 2);
const batchesAt = process.argv.indexOf('--batches');
const batches = batchesAt >= 0 ? (process.argv[batchesAt + 1] ?? '').split(',') : undefined;
const inBatches = (c: PhrasingCase) => batches === undefined || batches.some((b) => c.id.startsWith(`${b}-`));

const variantGroup = (v?: string) =>
  v === undefined
    ? 'none'
    : /^m\d$/.test(v)
      ? 'm1-m8'
      : /^f\d$/.test(v)
        ? 'f1-f5'
        : /klatt/.test(v)
          ? 'klatt*'
          : /whisper/i.test(v)
            ? 'whisper*'
            : /robo/i.test(v)
              ? 'robot*'
              : 'named';
const speedBand = (s: number) => (s <= 150 ? '130-150 wpm' : s <= 180 ? '160-180 wpm' : '190-200 wpm');
const noiseLabel = (n?: SpokenCondition['noise']) =>
  n === undefined ? 'clean' : `${n.kind} ${n.snrDb < 15 ? '10-14' : '15-20'} dB`;

interface VoiceAnswer {
  transcript?: string;
  intent?: { name: string; slots: Record<string, string | number | boolean> } | null;
  actions?: { type: string }[];
  error?: { code: string; message: string };
}

const home = Household.load();
const voices = await englishVoices();
const variants = await espeakVariants();
const random = seededRandom(seed);
const plan = new Map<SplitName, { cases: PhrasingCase[]; conditions: SpokenCondition[] }>();
for (const split of ['dev', 'sealed'] as const) {
  if (sizes[split] <= 0) continue;
  const cases = sampleCases(loadSplit(split).filter(inBatches), sizes[split], random);
  plan.set(split, { cases, conditions: assignConditions(cases, voices, variants, random) });
}
console.log(
  `${voices.length} voices (${voices.join(', ')}), ${variants.length} variants; seed ${seed}; clips cached in ${defaultCacheDir()}`,
);

const rendered = new Map<SplitName, SpokenClip[]>();
for (const [split, { cases, conditions }] of plan) {
  let last = 0;
  rendered.set(
    split,
    await renderClips(cases, conditions, {
      concurrency,
      onProgress: (done, total) => {
        if (done - last >= 25 || done === total) console.log(`  rendered ${split} ${done}/${total}`), (last = done);
      },
    }),
  );
}

const modelAt = process.argv.indexOf('--command-model');
const commandModel = modelAt >= 0 ? process.argv[modelAt + 1] : undefined;
if (commandModel !== undefined && commandModel !== 'grammar' && commandModel !== 'ngram')
  throw new Error(`--command-model ${commandModel}: use grammar or ngram`);
const hub = await startHubUnderTest({ voice: true, ...(commandModel ? { commandModel } : {}) });
console.log(`command model: ${commandModel ?? "the config's (grammar)"}`);
async function hear(clip: SpokenClip): Promise<VoiceAnswer> {
  const query = new URLSearchParams({ dryRun: 'true', ...(clip.case.area ? { area: clip.case.area } : {}) });
  const body = await readFile(clip.wavPath);
  for (const deadline = Date.now() + 120_000; ; ) {
    const res = await fetch(`${hub.url}/api/v1/voice?${query}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${hub.token}`, 'content-type': 'audio/wav' },
      body,
    });
    const answer = (await res.json()) as VoiceAnswer;
    // The recogniser loads after the API listens: wait for it rather than score "still loading" as a miss.
    if (res.status === 503 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 500));
      continue;
    }
    return answer;
  }
}

const misses: string[] = [];
try {
  for (const [split, clips] of rendered) {
    const byKind = new Tally();
    const byCondition = { voice: new Tally(), 'variant group': new Tally(), speed: new Tally(), noise: new Tally() };
    let heardNothing = 0;
    const started = Date.now();
    for (const clip of clips) {
      const answer = await hear(clip);
      const c = clip.case;
      const verdict: Verdict = judge(
        c,
        { intent: answer.intent ?? null, targets: [], actions: answer.actions ?? [] },
        home,
      );
      if (!answer.transcript) heardNothing += 1;
      byKind.add(c, verdict);
      if (inScope(c.kind)) {
        const { voice, variant, speed, noise } = clip.condition;
        byCondition.voice.add({ ...c, kind: voice }, verdict);
        byCondition['variant group'].add({ ...c, kind: variantGroup(variant) }, verdict);
        byCondition.speed.add({ ...c, kind: speedBand(speed) }, verdict);
        byCondition.noise.add({ ...c, kind: noiseLabel(noise) }, verdict);
      }
      if (split === 'dev' && !verdict.frameOk) {
        const got = answer.intent
          ? `${answer.intent.name} ${JSON.stringify(answer.intent.slots)}`
          : answer.error
            ? `error ${answer.error.code}`
            : 'no intent';
        const v = clip.condition;
        misses.push(
          `  [${c.kind}] "${c.text}"${c.area ? ` @${c.area}` : ''} (${v.voice}${v.variant ? `+${v.variant}` : ''}, ${v.speed} wpm, ${noiseLabel(v.noise)})\n      heard "${answer.transcript ?? ''}"\n      got   ${got}`,
        );
      }
    }
    console.log(
      formatTally(
        `\n${split} spoken: right intent and full frame per kind (${clips.length} clips, ${((Date.now() - started) / 1000).toFixed(0)} s)`,
        byKind,
      ),
    );
    for (const [title, tally] of Object.entries(byCondition))
      console.log(formatTally(`${split} spoken, in-scope by ${title}`, tally).split('\n').slice(0, -2).join('\n'));
    const t = byKind.total(inScope);
    console.log(
      `${split} spoken summary: in scope ${t.n} clips, right intent ${(t.intent / t.n).toFixed(3)}, full frame ${(t.frame / t.n).toFixed(3)}; nothing heard in ${heardNothing} of ${clips.length}`,
    );
  }
  if (showErrors > 0 && misses.length)
    console.log(
      `\ndev misses (${Math.min(showErrors, misses.length)} of ${misses.length}):\n${misses.slice(0, showErrors).join('\n')}`,
    );
} finally {
  await hub.stop();
}
