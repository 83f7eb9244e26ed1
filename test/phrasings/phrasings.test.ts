/**
 * The fast slice of the held-out phrasings (test/phrasings/README.md): the dev set against an in-process hub on the
 * held-out household. Asserts a floor under today's understanding (raise it as understanding improves; never lower
 * it to make a change pass), and that requests the hub cannot do send no device command. The sealed set is only
 * ever scored by `npm run eval:phrasings`.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { startTestHub, type TestHub } from '../harness/hub.js';
import { loadSplit, type PhrasingCase } from './lib/cases.js';
import { Household, HOUSEHOLD_FILE } from './lib/household.js';
import { inScope, Tally } from './lib/report.js';
import { judge, type HubAnswer } from './lib/score.js';

/**
 * Floors per part of the dev set, in-scope kinds: today's figure minus a small margin (BENCHMARKS.md, held-out).
 * b1 + b2 were read by the template writers (0.983 / 0.978 on 2026-12-07 morning; 0.998 / 0.993 at 13:35); b3 is fresh
 * (0.841 / 0.809 then; 0.927 / 0.917 at 13:35, after its misses were learnt from as kinds).
 * `targets`: of the cases with expected targets, the full frame and exactly those devices (b1 + b2 1.000, b3 0.928).
 * b4 (written 2026-12-07 15:15 by heldout, nobody had read it): 0.806 / 0.771, targets 0.785 on its first run.
 * b5 (written 2026-12-08 00:48 by heldout, nobody had read it): 0.820 / 0.777, targets 0.785 on main 0408e67 (the cases
 * as of 6be007d); 0.912 / 0.890, targets 0.884 at 01:45 on 6be007d, after its misses were learnt from as kinds.
 */
const FLOORS = [
  { batches: ['b1', 'b2'], intent: 0.97, frame: 0.96, targets: 0.96 },
  { batches: ['b3'], intent: 0.9, frame: 0.89, targets: 0.9 },
  { batches: ['b4'], intent: 0.75, frame: 0.72, targets: 0.73 },
  { batches: ['b5'], intent: 0.88, frame: 0.86, targets: 0.85 },
];

const home = Household.load();
const dev = loadSplit('dev');
let hub: TestHub;

beforeAll(async () => {
  hub = await startTestHub({
    config: {
      ...(parse(readFileSync(HOUSEHOLD_FILE, 'utf8')) as object),
      voice: { recognizer: 'text' },
      mqtt: { commandTimeoutMs: 500 },
    },
  });
});
afterAll(async () => {
  await hub?.stop();
});

const ask = async (c: PhrasingCase, dryRun: boolean): Promise<HubAnswer & { reply: string }> => {
  const reply = await hub.api('POST', '/utterances', { text: c.text, dryRun, ...(c.area ? { area: c.area } : {}) });
  expect(reply.status, `"${c.text}": ${JSON.stringify(reply.body)}`).toBe(200);
  return {
    intent: reply.body.intent ?? null,
    targets: reply.body.targets ?? [],
    actions: reply.body.actions ?? [],
    reply: reply.body.reply,
  };
};

describe('held-out phrasings, dev set', () => {
  it('is a real set: every kind is there and the household knows every name', () => {
    expect(dev.length).toBeGreaterThan(300);
    expect(new Set(dev.map((c) => c.kind)).size).toBeGreaterThan(25);
    for (const c of dev)
      if (c.area !== undefined) expect(home.areaById(c.area), `${c.id} area ${c.area}`).toBeDefined();
  });

  it.each(FLOORS)(
    'understands $batches: at least $intent right intent, $frame full frame, $targets with the right devices',
    async (floor) => {
      const tally = new Tally();
      const misses: string[] = [];
      const ofBatches = (c: PhrasingCase) => floor.batches.some((b) => c.id.startsWith(`${b}-`));
      for (const c of dev.filter((x) => inScope(x.kind) && ofBatches(x))) {
        const answer = await ask(c, true);
        const verdict = judge(c, answer, home);
        tally.add(c, verdict);
        if (!verdict.frameOk || verdict.targetsOk === false)
          misses.push(
            `"${c.text}" → ${answer.intent ? `${answer.intent.name} ${JSON.stringify(answer.intent.slots)}` : 'nothing'} → ${answer.targets.join(',')}`,
          );
      }
      const t = tally.total(inScope);
      const detail = `intent ${t.intent}/${t.n}, frame ${t.frame}/${t.n}, targets ${t.targets}/${t.withTargets}; first misses:\n${misses.slice(0, 15).join('\n')}`;
      expect(t.n, 'cases of these batches').toBeGreaterThan(150);
      expect(t.intent / t.n, detail).toBeGreaterThanOrEqual(floor.intent);
      expect(t.frame / t.n, detail).toBeGreaterThanOrEqual(floor.frame);
      expect(t.withTargets, 'cases with expected targets').toBeGreaterThan(80);
      expect(t.targets / t.withTargets, detail).toBeGreaterThanOrEqual(floor.targets);
    },
    120_000,
  );

  it('sends no device command for requests it cannot do, and answers each of them', async () => {
    const cannot = dev.filter((c) => !inScope(c.kind));
    expect(cannot.length).toBeGreaterThanOrEqual(30);
    const sent: string[] = [];
    const stopListening = hub.hub.events.on('commandSent', (e) => sent.push(`${e.deviceId} ${e.command}`));
    try {
      for (const c of cannot) {
        const answer = await ask(c, false);
        expect(
          answer.actions.filter((a) => a.type.startsWith('device')),
          `"${c.text}"`,
        ).toEqual([]);
        expect(answer.reply.trim(), `"${c.text}" got no answer`).not.toBe('');
      }
    } finally {
      stopListening();
    }
    expect(sent, 'device commands sent for requests the hub cannot do').toEqual([]);
  }, 120_000);
});
