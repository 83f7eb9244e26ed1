import type { AddressInfo } from 'node:net';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { ManualClock } from '../../core/clock.js';
import { buildTestApi, type TestApi } from '../test-support/test-api.js';
import { MAX_BUFFERED_BYTES, SLOW_CLIENT_GRACE_MS } from './events.js';

let api: TestApi | undefined;
const clients: WebSocket[] = [];
afterEach(async () => {
  for (const ws of clients.splice(0)) ws.terminate();
  await api?.app.close();
  api = undefined;
});

async function connect(clock: ManualClock): Promise<WebSocket> {
  api = await buildTestApi({ clock });
  await api.app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = api.app.server.address() as AddressInfo;
  const ws = new WebSocket(`ws://127.0.0.1:${port}/api/v1/events?token=${api.token}&events=deviceEvent`);
  clients.push(ws);
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  return ws;
}

/** About 1 KB per message, so `count` events in one turn queue ~count KB behind the cork. */
const filler = 'x'.repeat(1000);
function burst(count: number, from: number): void {
  for (let i = 0; i < count; i++) api!.events.emit('deviceEvent', { deviceId: 'd', event: 'tick', data: { i: from + i, filler } } as never);
}

interface Outcome { received: number; closeCode: number | undefined }
function watch(ws: WebSocket): { outcome: Outcome; closed: Promise<void> } {
  const outcome: Outcome = { received: 0, closeCode: undefined };
  ws.on('message', () => outcome.received++);
  const closed = new Promise<void>((resolve) => ws.once('close', (code) => (outcome.closeCode = code, resolve())));
  return { outcome, closed };
}

async function until(condition: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('event stream back-pressure', () => {
  it('keeps a reading client through bursts several times the buffer limit', async () => {
    const clock = new ManualClock();
    const ws = await connect(clock);
    const { outcome } = watch(ws);
    const perBurst = Math.ceil((3 * MAX_BUFFERED_BYTES) / 1000);
    for (let b = 0; b < 4; b++) {
      burst(perBurst, b * perBurst);
      await nextTurn();
    }
    await until(() => outcome.received === 4 * perBurst || outcome.closeCode !== undefined);
    expect(outcome.closeCode).toBeUndefined();
    expect(outcome.received).toBe(4 * perBurst);
  });

  it('closes with 1013 a client that stops reading once its backlog stays over the limit', async () => {
    const clock = new ManualClock();
    const ws = await connect(clock);
    const { outcome, closed } = watch(ws);
    ws.pause();
    let sent = 0;
    // 1 MB per turn, a second apart, until the server gives up (the kernel's socket buffers absorb a few MB first).
    for (let turn = 0; turn < 40; turn++) {
      burst(1000, sent);
      sent += 1000;
      await nextTurn();
      await new Promise((r) => setTimeout(r, 5));
      clock.advance(SLOW_CLIENT_GRACE_MS / 5);
    }
    ws.resume();
    await closed;
    expect(outcome.closeCode).toBe(1013);
    expect(outcome.received).toBeLessThan(sent);
  });
});
