import type { AddressInfo } from 'node:net';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { ManualClock } from '../../core/clock.js';
import { buildTestApi, type TestApi } from '../testing/test-api.js';
import { EVENT_BATCH_MS, MAX_BUFFERED_BYTES, SLOW_CLIENT_GRACE_MS } from './events.js';
import { until } from '../../../test/harness/until.js';

let api: TestApi | undefined;
const clients: WebSocket[] = [];
afterEach(async () => {
  for (const ws of clients.splice(0)) ws.terminate();
  await api?.app.close();
  api = undefined;
});

async function connect(clock: ManualClock, events = 'deviceEvent'): Promise<WebSocket> {
  api = await buildTestApi({ clock });
  await api.app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = api.app.server.address() as AddressInfo;
  const ws = new WebSocket(`ws://127.0.0.1:${port}/api/v1/events?token=${api.token}&events=${events}`);
  clients.push(ws);
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  return ws;
}

/** About 1 KB per message, so `count` events in one turn queue ~count KB behind the cork. */
const filler = 'x'.repeat(1000);
function burst(count: number, from: number): void {
  for (let i = 0; i < count; i++)
    api!.events.emit('deviceEvent', { deviceId: 'd', event: 'tick', data: { i: from + i, filler } } as never);
}

interface Outcome {
  received: number;
  closeCode: number | undefined;
}
function watch(ws: WebSocket): { outcome: Outcome; closed: Promise<void> } {
  const outcome: Outcome = { received: 0, closeCode: undefined };
  ws.on('message', () => outcome.received++);
  const closed = new Promise<void>((resolve) => ws.once('close', (code) => ((outcome.closeCode = code), resolve())));
  return { outcome, closed };
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
    await until(
      () => outcome.received === 4 * perBurst || outcome.closeCode !== undefined,
      'every burst read or the socket closed',
    );
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

  it("merges a behind client's state changes per device and sends them, with every changed attribute, once it catches up", async () => {
    const clock = new ManualClock();
    const ws = await connect(clock, 'deviceEvent,deviceStateChanged');
    const messages: {
      event: string;
      payload: { deviceId: string; state?: Record<string, number>; changed?: Record<string, number> };
    }[] = [];
    let closeCode: number | undefined;
    ws.on('message', (data) => messages.push(JSON.parse(data.toString())));
    ws.on('close', (code) => (closeCode = code));
    const server = [
      ...(api!.app as unknown as { websocketServer: { clients: Set<WebSocket> } }).websocketServer.clients,
    ][0]!;
    ws.pause();
    let fillers = 0;
    for (let turn = 0; turn < 100 && server.bufferedAmount <= MAX_BUFFERED_BYTES; turn++) {
      burst(1000, fillers);
      fillers += 1000;
      await new Promise((r) => setTimeout(r, EVENT_BATCH_MS * 2));
    }
    expect(server.bufferedAmount).toBeGreaterThan(MAX_BUFFERED_BYTES);
    await new Promise((r) => setTimeout(r, EVENT_BATCH_MS * 2));
    for (let seq = 1; seq <= 300; seq++) {
      const deviceId = seq % 2 === 0 ? 'b' : 'a';
      const changed = { seq, [`k${seq % 3}`]: seq };
      api!.events.emit('deviceStateChanged', { deviceId, state: { ...changed }, changed });
    }
    ws.resume();
    const count = (event: string) => messages.filter((m) => m.event === event).length;
    await until(
      () => (count('deviceEvent') >= fillers && count('deviceStateChanged') >= 2) || closeCode !== undefined,
      () =>
        `every filler event and two state changes, or the socket closed (${count('deviceEvent')} of ${fillers} fillers, ${count('deviceStateChanged')} state changes)`,
      30_000,
    );
    // Anything still in flight (a third state change would be a bug) arrives within a batch or two.
    await new Promise((r) => setTimeout(r, EVENT_BATCH_MS * 4));
    expect(closeCode).toBeUndefined();
    expect(messages.filter((m) => m.event === 'deviceEvent')).toHaveLength(fillers);
    const states = messages.filter((m) => m.event === 'deviceStateChanged').map((m) => m.payload);
    expect(states).toEqual([
      { deviceId: 'a', state: { seq: 299, k2: 299 }, changed: { seq: 299, k0: 297, k1: 295, k2: 299 } },
      { deviceId: 'b', state: { seq: 300, k0: 300 }, changed: { seq: 300, k0: 300, k1: 298, k2: 296 } },
    ]);
  });
});
