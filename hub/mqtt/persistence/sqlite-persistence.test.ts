import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../store/database.js';
import { SqlitePersistence } from './sqlite-persistence.js';

const run = promisify(execFile);
const fakeBroker = (id: string) => ({ id });

async function collect<T>(stream: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of stream) out.push(item);
  return out;
}

function publishPacket(topic: string, payload: string, extra: Record<string, unknown> = {}) {
  return {
    cmd: 'publish',
    topic,
    payload: Buffer.from(payload),
    qos: 1,
    retain: false,
    brokerId: 'b1',
    brokerCounter: 1,
    ...extra,
  };
}

describe('SqlitePersistence', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'hearth-persist-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('passes the aedes-persistence conformance suite', async () => {
    const suite = fileURLToPath(new URL('./sqlite-persistence.conformance.ts', import.meta.url));
    const { stdout } = await run(process.execPath, ['--import', 'tsx', '--test', suite], { timeout: 120_000 });
    expect(stdout).toMatch(/# fail 0/);
    expect(Number(/# pass (\d+)/.exec(stdout)?.[1])).toBeGreaterThanOrEqual(40);
  }, 130_000);

  it('rebuilds retained messages, sessions, queues and wills from the file', async () => {
    const file = join(dir, 'broker.db');
    const first = new SqlitePersistence(file);
    await first.setup(fakeBroker('b1'));
    await first.storeRetained(publishPacket('hearth/lamp/state', '{"on":true}', { retain: true, qos: 0 }));
    await first.storeRetained(publishPacket('hearth/gone/state', 'x', { retain: true }));
    await first.storeRetained(publishPacket('hearth/gone/state', '', { retain: true }));
    await first.addSubscriptions({ id: 'lamp' }, [{ topic: 'hearth/lamp/set', qos: 1 }]);
    await first.outgoingEnqueueCombi(
      [{ clientId: 'lamp', topic: 'hearth/lamp/set', qos: 1 }],
      publishPacket('hearth/lamp/set', 'cmd1'),
    );
    await first.outgoingEnqueueCombi(
      [{ clientId: 'lamp', topic: 'hearth/lamp/set', qos: 1 }],
      publishPacket('hearth/lamp/set', 'cmd2', { brokerCounter: 2 }),
    );
    await first.outgoingUpdate({ id: 'lamp' }, publishPacket('hearth/lamp/set', 'cmd1', { messageId: 7 }));
    await first.outgoingClearMessageId({ id: 'lamp' }, { messageId: 7 });
    await first.putWill({ id: 'lamp' }, publishPacket('hearth/lamp/availability', 'offline', { retain: true }));
    await first.destroy();

    const second = new SqlitePersistence(file);
    await second.setup(fakeBroker('b2'));
    const retained = await collect(second.createRetainedStreamCombi(['hearth/#']));
    expect(retained.map((p: { topic: string; payload: Buffer }) => [p.topic, p.payload.toString()])).toEqual([
      ['hearth/lamp/state', '{"on":true}'],
    ]);
    expect(await second.subscriptionsByClient({ id: 'lamp' })).toEqual([
      expect.objectContaining({ topic: 'hearth/lamp/set', qos: 1 }),
    ]);
    expect(await second.subscriptionsByTopic('hearth/lamp/set')).toEqual([
      expect.objectContaining({ clientId: 'lamp' }),
    ]);
    const queued = await collect(second.outgoingStream({ id: 'lamp' }));
    expect(queued.map((p: { payload: Buffer }) => p.payload.toString())).toEqual(['cmd2']);
    const wills = await collect(second.streamWill({ b2: Date.now() }));
    expect(wills.map((w: { topic: string; brokerId: string }) => [w.topic, w.brokerId])).toEqual([
      ['hearth/lamp/availability', 'b1'],
    ]);
    await second.destroy();
  });

  it('writes retained messages behind: a burst of 1,000 updates to one topic is one row with the last payload', async () => {
    const file = join(dir, 'broker.db');
    const persistence = new SqlitePersistence(file, { retainedFlushMs: 60_000 });
    await persistence.setup(fakeBroker('b1'));
    for (let i = 1; i <= 1000; i++)
      await persistence.storeRetained(publishPacket('hearth/lamp/state', `{"seq":${i}}`, { retain: true }));
    const reader = openDatabase(file);
    const rows = () =>
      reader.prepare('SELECT topic, packet FROM retained').all() as { topic: string; packet: string }[];
    try {
      // Answered from memory at once; nothing on disk before the flush.
      const live = await collect(persistence.createRetainedStreamCombi(['hearth/lamp/state']));
      expect(live.map((p: { payload: Buffer }) => p.payload.toString())).toEqual(['{"seq":1000}']);
      expect(rows()).toEqual([]);
      expect(persistence.pendingRetained).toBe(1);
      persistence.flushRetained();
      expect(rows().map((r) => [r.topic, JSON.parse(r.packet).payload])).toEqual([
        ['hearth/lamp/state', Buffer.from('{"seq":1000}').toString('base64')],
      ]);
      // An empty payload deletes it (MQTT 3.1.1 §3.3.1.3), also written behind; destroy() flushes.
      await persistence.storeRetained(publishPacket('hearth/lamp/state', '', { retain: true }));
      expect(rows()).toHaveLength(1);
      await persistence.destroy();
      expect(rows()).toEqual([]);
    } finally {
      reader.close();
    }
  });

  it('flushes retained messages on its timer', async () => {
    const file = join(dir, 'broker.db');
    const persistence = new SqlitePersistence(file, { retainedFlushMs: 50 });
    await persistence.setup(fakeBroker('b1'));
    await persistence.storeRetained(publishPacket('hearth/fan/state', '{"on":true}', { retain: true }));
    const reader = openDatabase(file);
    try {
      const deadline = Date.now() + 30_000; // a ceiling for a hang only
      while (persistence.pendingRetained > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      expect(reader.prepare('SELECT topic FROM retained').all()).toEqual([{ topic: 'hearth/fan/state' }]);
    } finally {
      reader.close();
      await persistence.destroy();
    }
  });
});
