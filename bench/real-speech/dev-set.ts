/**
 * The real-speech dev set (../shared/eval/real-speech-devel): 310 coffee orders by real people, labels, and the
 * third-party barista skill installed into a hub the documented way (its install-skill.sh).
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { parseWav } from '../../hub/voice/audio/wav.js';
import type { TestHub } from '../../test/harness/hub.js';
import { until } from '../../test/harness/until.js';

const run = promisify(execFile);

export const DEV_SET_DIR = resolve(import.meta.dirname, '../../../../shared/eval/real-speech-devel');
const ROOT = resolve(import.meta.dirname, '../..');

export interface DevClip {
  name: string;
  /** 16 kHz mono s16le. */
  pcm: Buffer;
  intent: string;
  /** Slot name → value, trimmed and single-spaced (as eval.py compares them), camelCase names. */
  slots: Record<string, string>;
  /** `a` or `b`: a fixed split by file name, so tuning on one half can be checked on the other. */
  half: 'a' | 'b';
}

/** eval.py's comparison: lower case, single spaces. */
export const normaliseSlot = (v: unknown) => String(v).toLowerCase().split(/\s+/).filter(Boolean).join(' ');
const SKILL_TO_LABEL: Record<string, string> = {
  coffee_drink: 'coffeeDrink',
  number_of_shots: 'numberOfShots',
  milk_amount: 'milkAmount',
  sugar_amount: 'sugarAmount',
};
export const labelSlots = (slots: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(slots).map(([k, v]) => [SKILL_TO_LABEL[k] ?? k, normaliseSlot(v)]));

/** Converts the FLAC clips once (sox -R, no dither) into `cacheDir` and loads them. */
export async function loadDevClips(cacheDir: string, limit = Infinity): Promise<DevClip[]> {
  if (!existsSync(DEV_SET_DIR)) throw new Error(`the real-speech dev set is not at ${DEV_SET_DIR}`);
  const labels = JSON.parse(readFileSync(join(DEV_SET_DIR, 'labels.json'), 'utf8')) as Record<
    string,
    { intent: string; slots: Record<string, string> }
  >;
  const files = readdirSync(join(DEV_SET_DIR, 'clips'))
    .filter((f) => f.endsWith('.flac'))
    .sort()
    .slice(0, limit);
  const clips: DevClip[] = [];
  for (const file of files) {
    const label = labels[file];
    if (!label) continue;
    const wav = join(cacheDir, file.replace(/\.flac$/, '.wav'));
    if (!existsSync(wav))
      await run('sox', ['-R', join(DEV_SET_DIR, 'clips', file), '-r', '16000', '-c', '1', '-b', '16', wav]);
    const half = createHash('md5').update(file).digest()[0]! % 2 === 0 ? 'a' : 'b';
    clips.push({
      name: file,
      pcm: parseWav(readFileSync(wav)).data,
      intent: label.intent,
      slots: labelSlots(label.slots),
      half,
    });
  }
  return clips;
}

/** The skill-trust.yaml the dev set's README starts the hub with, as config. */
export const DEV_SKILL_TRUST = {
  skills: { trustedPublishers: [{ id: 'barista-test', publicKey: 'usiLpciYrP/n4oRBFfG0MevWsdbeczSbzUtQGzW6wvc=' }] },
};

/**
 * Packs, signs and installs the barista skill into a running hub (the dev set's own script). Built-in sentences that
 * say the same ("make me a coffee") no longer refuse it: an installed skill's take precedence (docs/skills.md). Should
 * the install be refused anyway, HEARTH_BENCH_ALLOW_COLLISIONS=1 installs it with --allow-collisions so the
 * recogniser can still be measured, and says so.
 */
export async function installBaristaSkill(hubUrl: string, token: string): Promise<void> {
  try {
    await run(join(DEV_SET_DIR, 'install-skill.sh'), [hubUrl, token], { cwd: ROOT });
  } catch (err) {
    if (process.env.HEARTH_BENCH_ALLOW_COLLISIONS !== '1') throw err;
    console.error(
      'barista skill: the documented install was refused (sentence collisions); installing with --allow-collisions',
    );
    const dir = mkdtempSync(join(tmpdir(), 'hearth-barista-'));
    try {
      cpSync(join(DEV_SET_DIR, 'skill'), join(dir, 'skill'), { recursive: true });
      await run('node', ['./bin/hearth.js', 'skill', 'pack', join(dir, 'skill'), '--out', dir], { cwd: ROOT });
      const tgz = join(dir, 'barista-0.1.0.tgz');
      await run(
        'node',
        [
          './bin/hearth.js',
          'skill',
          'sign',
          tgz,
          '--key',
          join(DEV_SET_DIR, 'skill-publisher-test-key.pem'),
          '--publisher',
          'barista-test',
        ],
        { cwd: ROOT },
      );
      await run(
        'node',
        ['./bin/hearth.js', 'skill', 'install', tgz, '--yes', '--allow-collisions', '--url', hubUrl, '--token', token],
        { cwd: ROOT },
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

/** Mixes `noise` (looped) under `speech` at `snrDb`, RMS over the whole clip as eval.py measures it. */
export function mixAtSnr(speech: Buffer, noise: Buffer, snrDb: number, offsetSamples = 0): Buffer {
  const s = new Int16Array(speech.buffer, speech.byteOffset, speech.length >> 1);
  const n = new Int16Array(noise.buffer, noise.byteOffset, noise.length >> 1);
  const rms = (a: Int16Array, len: number, at = 0) => {
    let sum = 0;
    for (let i = 0; i < len; i++) sum += a[(at + i) % a.length]! ** 2;
    return Math.sqrt(sum / len);
  };
  const sRms = rms(s, s.length);
  const nRms = rms(n, s.length, offsetSamples);
  const gain = nRms > 0 ? sRms / (nRms * 10 ** (snrDb / 20)) : 0;
  const out = Buffer.alloc(speech.length);
  for (let i = 0; i < s.length; i++) {
    const v = Math.round(s[i]! + gain * n[(offsetSamples + i) % n.length]!);
    out.writeInt16LE(Math.max(-32768, Math.min(32767, v)), i * 2);
  }
  return out;
}

/** installBaristaSkill into a test hub, then waits until the grammar its recogniser has loaded holds the skill's words. */
export async function installBaristaSkillHeard(hub: TestHub, timeoutMs: number): Promise<void> {
  await installBaristaSkill(hub.runtime.http.url, hub.token);
  await until(
    () => hub.hub.voice().loadedGrammar()?.jsgf?.includes('sweetener') === true,
    'the barista grammar',
    timeoutMs,
  );
}
