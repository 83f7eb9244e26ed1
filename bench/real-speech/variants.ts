/**
 * Decoder and grammar variants on the real-speech dev set, outside the pipeline: the hub's grammar (with the barista
 * skill installed) or a rewrite of it, decoded per clip after the endpointer, understood by the hub's language module.
 *   npx tsx bench/real-speech/variants.ts '{"name":{"args":{"-flag":"v"},"only":"orderDrink","source":"fresh"}}' [--half a]
 */
import { mkdirSync } from 'node:fs';
import { silentLogger } from '../../hub/core/logger.js';
import { voiceConfigSchema } from '../../hub/voice/config.js';
import { PocketsphinxRecognizer } from '../../hub/voice/recognizers/pocketsphinx.js';
import { Endpointer } from '../../hub/voice/vad.js';
import { startTestHub } from '../../test/harness/hub.js';
import { DEV_SKILL_TRUST, installBaristaSkillHeard, labelSlots, loadDevClips, normaliseSlot } from './dev-set.js';
import { cliArg } from '../cli-arg.js';

interface Variant {
  args?: Record<string, string>;
  /** Keep only these intents in the command rule (a regular expression on the rule name). */
  only?: string;
  /** `fresh` (default): each clip is a new source; `shared`: all clips from one source, in order. */
  source?: 'fresh' | 'shared';
}
const variants = JSON.parse(process.argv[2] ?? '{"hub":{}}') as Record<string, Variant>;
const half = cliArg('--half') ?? 'a';
const config = voiceConfigSchema.parse({});
mkdirSync('/tmp/hearth-real-speech-cache', { recursive: true });
const clips = (await loadDevClips('/tmp/hearth-real-speech-cache')).filter((c) => half === 'all' || c.half === half);

const hub = await startTestHub({ config: { ...DEV_SKILL_TRUST, voice: { recognizer: 'pocketsphinx' } } });
try {
  await installBaristaSkillHeard(hub, 30_000);
  const grammar = hub.hub.voice().loadedGrammar()!;
  const language = hub.hub.language();
  for (const [name, variant] of Object.entries(variants)) {
    const base = grammar;
    const jsgf = variant.only ? onlyIntents(base.jsgf!, new RegExp(variant.only)) : base.jsgf!;
    const rec = new PocketsphinxRecognizer({ ...config.pocketsphinx, log: silentLogger, args: variant.args ?? {} });
    await rec.start();
    await rec.setGrammar({ ...base, jsgf });
    let ok = 0,
      intents = 0,
      empty = 0,
      engineMs = 0,
      audioMs = 0;
    const t0 = performance.now();
    const misses: string[] = [];
    for (const clip of clips) {
      const s = rec.startUtterance({
        source: variant.source === 'shared' ? 'shared' : `clip:${clip.name}`,
        nonSpeechMs: 700,
      });
      for (const part of firstUtterance(clip.pcm)) {
        s.feed(part);
        audioMs += part.length / 32;
      }
      const r = await s.end();
      engineMs += r.ms;
      const u = language.understand(r.text);
      const got = labelSlots(u.intent?.slots ?? {});
      const intentOk = u.intent?.name === clip.intent;
      const keys = new Set([...Object.keys(got), ...Object.keys(clip.slots)]);
      const exact = intentOk && [...keys].every((k) => normaliseSlot(got[k] ?? '') === clip.slots[k]);
      intents += intentOk ? 1 : 0;
      ok += exact ? 1 : 0;
      empty += r.text === '' ? 1 : 0;
      if (!exact && process.argv.includes('--misses'))
        misses.push(`  ${clip.name.slice(0, 8)} "${r.text}" | want ${JSON.stringify(clip.slots)}`);
    }
    await rec.stop();
    if (misses.length) console.log(misses.join('\n'));
    console.log(
      `${name.padEnd(24)} acceptance ${(ok / clips.length).toFixed(3)} intent ${(intents / clips.length).toFixed(3)} empty ${empty} (${clips.length} clips, half ${half}) RTF ${(engineMs / audioMs).toFixed(3)} ${((performance.now() - t0) / 1000).toFixed(0)} s`,
    );
  }
} finally {
  await hub.stop();
}

/** The first utterance the endpointer finds, as the pipeline feeds it. */
function firstUtterance(pcm: Buffer): Buffer[] {
  const vad = new Endpointer(config.vad);
  const parts: Buffer[] = [];
  let started = false;
  for (let i = 0; i < pcm.length; i += 3200) {
    for (const e of vad.process(pcm.subarray(i, i + 3200))) {
      if (e.type === 'end') return parts;
      started ||= e.type === 'start';
      parts.push(e.pcm);
    }
  }
  for (const e of vad.finish()) if (e.type !== 'end') parts.push(e.pcm);
  return started ? parts : [];
}

/** The grammar with only some intents in its command rule (an upper bound on what other intents cost). */
function onlyIntents(jsgf: string, keep: RegExp): string {
  return jsgf.replace(
    /^(<command> = )(.*);$/m,
    (_m, head: string, body: string) =>
      head +
      body
        .split(' | ')
        .filter((r) => keep.test(r))
        .join(' | ') +
      ';',
  );
}
