/**
 * A hostile skill in the real sandbox of a real hub (a child process under Node's permission model, started by the
 * hub's skills runtime, asked through POST /api/v1/utterances): memory beyond the heap, CPU burnt after replying,
 * a flood of output written straight to fd 2, and signals. Each is contained, named and counted.
 */
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../hub/core/logger.js';
import { writeSentenceSkill } from '../../hub/skills/testing/sentence-skill.js';
import { permissionModelSupport } from '../../hub/skills/worker/sandbox-support.js';
import { startTestHub, type TestHub } from '../harness/hub.js';
import { until, untilValue } from '../harness/until.js';

let hub: TestHub | undefined;
let lines: string[];
afterEach(async () => {
  await hub?.stop();
  hub = undefined;
});

beforeAll(() => {
  // The process sandbox is what is attacked here; CI runs Node 20, which has it.
  expect(permissionModelSupport()).toEqual({ available: true });
});

async function startHub(): Promise<TestHub> {
  lines = [];
  const log = createLogger('info', new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) }));
  hub = await startTestHub({
    log,
    config: {
      skills: { callTimeoutMs: 15_000, memoryLimitMb: 64, processMemoryLimitMb: 160, maxConsecutiveFailures: 3 },
    },
  });
  return hub;
}

/** Writes a skill answering one sentence with `body` and loads it into the hub's sandbox. */
async function loadSkill(id: string, sentence: string, body: string): Promise<void> {
  const { manifest, entry, dir } = writeSentenceSkill(join(hub!.dataDir, 'hostile'), {
    id,
    sentence,
    handleBody: body,
  });
  await hub!.hub.skills().loadIsolated(manifest, entry, {}, dir);
}

async function say(
  text: string,
): Promise<{ reply: string; skill?: string; error?: { code: string; message: string } }> {
  const res = await hub!.api('POST', '/utterances', { text });
  expect(res.status).toBe(200);
  return res.body;
}

const info = (id: string) => hub!.hub.skills().get(id)!;

describe('skill sandbox limits', () => {
  it("caps the whole process's memory: a 2 GB buffer fails inside the skill, and 16 MB blocks stop well under the limit", async () => {
    await startHub();
    await loadSkill(
      'hoarder',
      'hoard memory now',
      `
      const kept = globalThis.kept ??= [];
      let big = 'allocated';
      try { kept.push(Buffer.alloc(2 ** 31)); } catch (e) { big = e.message; }
      let blocks = 0;
      try { for (;;) { kept.push(Buffer.alloc(16 * 1024 * 1024, 1)); blocks++; if (blocks > 200) break; } } catch {}
      return { reply: JSON.stringify({ big, blocks }) };`,
    );
    const result = await say('hoard memory now');
    expect(result.skill).toBe('hoarder');
    const { big, blocks } = JSON.parse(result.reply) as { big: string; blocks: number };
    expect(big).toMatch(/allocation failed/i);
    // 160 MB for the whole process, about 40 of them Node itself: at most ~7 blocks of 16 MB, never 2 GB.
    expect(blocks).toBeGreaterThan(0);
    expect(blocks * 16).toBeLessThan(160);
  });

  it('stops a skill that burns CPU after replying, within seconds, and counts it as a failure', async () => {
    await startHub();
    await loadSkill(
      'burner',
      'burn the toast',
      `
      setTimeout(() => { const end = Date.now() + 30000; while (Date.now() < end) {} }, 50);
      return { reply: 'done' };`,
    );
    const started = performance.now();
    expect((await say('burn the toast')).reply).toBe('done');
    const failed = await untilValue(
      () => info('burner'),
      (i) => i.consecutiveFailures === 1,
      'the idle burn counted as a failure',
      15_000,
    );
    const stoppedAfterMs = performance.now() - started;
    expect(failed.lastError).toEqual({
      code: 'SKILL_FAILED',
      message: expect.stringMatching(
        /skill "burner" kept a CPU busy \d+ % of the time for \d\.\d s while handling no call \(limit 50 %, skills\.idleCpuPercent\) and was stopped/,
      ),
    });
    expect(stoppedAfterMs).toBeLessThan(10_000);
    // Each call starts a fresh sandbox, which is stopped again once it burns; its reply counts as a success in
    // between, so "failures in a row" stays at one. The cost of such a skill is a second of CPU per call.
    const stops = () => lines.filter((l) => l.includes('skill sandbox over its limits; stopped')).length;
    expect(stops()).toBe(1);
    expect((await say('burn the toast')).reply).toBe('done');
    await until(() => stops() === 2, 'the second burn stopped', 15_000);
    expect(info('burner')).toMatchObject({
      consecutiveFailures: 1,
      lastError: { message: expect.stringContaining('while handling no call') },
    });
  });

  it('rate-limits output written straight to fd 2 and through the console', async () => {
    await startHub();
    await loadSkill(
      'shouter',
      'shout a lot',
      `
      for (let i = 0; i < 10000; i++) fs.writeSync(2, 'raw line ' + i + '\\n');
      for (let i = 0; i < 10000; i++) console.log('console line ' + i);
      return { reply: 'shouted' };`,
    );
    const before = lines.length;
    expect((await say('shout a lot')).reply).toBe('shouted');
    await until(
      () => lines.slice(before).some((l) => l.includes('more lines of output than are logged')),
      'the summary of what was not logged',
    );
    const logged = lines.slice(before).filter((l) => l.includes('"stream":"std'));
    // 20,000 lines written: the log got about ten a second, each cut to 1,000 characters.
    expect(logged.length).toBeLessThan(60);
    expect(Math.max(...logged.map((l) => l.length))).toBeLessThan(1300);
  });

  it('names what it refused: signals and priorities are not "network access"', async () => {
    await startHub();
    await loadSkill(
      'signaller',
      'signal the hub',
      `
      const os = await import('node:os');
      const out = {};
      for (const [name, fn] of Object.entries({ kill: () => process.kill(process.ppid, 'SIGTERM'), priority: () => os.setPriority(process.ppid, 19), read: () => fs.readFileSync('/etc/hostname') })) {
        try { fn(); out[name] = 'allowed'; } catch (e) { out[name] = e.message; }
      }
      return { reply: JSON.stringify(out) };`,
    );
    const refused = JSON.parse((await say('signal the hub')).reply) as Record<string, string>;
    expect(refused.kill).toBe(
      "the skill sandbox refused process.kill: skills may not signal or reprioritise processes, the hub's or any other",
    );
    expect(refused.priority).toMatch(
      /^the skill sandbox refused os\.setPriority: skills may not signal or reprioritise processes/,
    );
    expect(refused.read).toMatch(/ERR_ACCESS_DENIED|FileSystemRead|Access to this API has been restricted/);
    expect((await hub!.api('GET', '/health')).status).toBe(200);
  });
});
