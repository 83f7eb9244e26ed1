/** createHub's start/stop with language, skills and commerce wired in: stop undoes start, a failed start is undone. */
import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../hub/config/load.js';
import { silentLogger } from '../../hub/core/logger.js';
import { createHub } from '../../hub/main.js';
import { startTestHub, tempDataDir } from '../harness/hub.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const undo of cleanups.splice(0).reverse()) await undo();
});

const BUS_EVENTS = [
  'deviceAdded',
  'deviceUpdated',
  'deviceRemoved',
  'buttonPressed',
  'deviceEvent',
  'deviceStateChanged',
] as const;
const listeners = (hub: ReturnType<typeof createHub>) =>
  Object.fromEntries(BUS_EVENTS.map((e) => [e, hub.events.listenerCount(e)]));

describe('hub lifecycle with the assistant services', () => {
  it('stop() removes every listener the services added, and the hub starts again on the same data', async () => {
    const dataDir = tempDataDir();
    const first = await startTestHub({ dataDir });
    const idle = Object.fromEntries(BUS_EVENTS.map((e) => [e, 0]));
    expect(listeners(first.hub)).not.toEqual(idle);
    expect(
      first.hub
        .skills()
        .list()
        .map((s) => s.id),
    ).toEqual(expect.arrayContaining(['smart-home', 'ordering']));
    await first.stop();
    expect(listeners(first.hub)).toEqual(idle);
    expect(() => first.hub.language()).not.toThrow(); // kept for inspection after stop

    const second = await startTestHub({ dataDir });
    cleanups.push(() => second.stop());
    const said = await second.api('POST', '/utterances', { text: 'what time is it' });
    expect(said.status).toBe(200);
    expect(said.body.intent.name).toBe('HassGetCurrentTime');
  });

  it('a start that fails after the services came up (HTTP port taken) undoes them all and throws', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    cleanups.push(() => new Promise<void>((r) => blocker.close(() => r())));
    const taken = (blocker.address() as { port: number }).port;
    const dataDir = tempDataDir();
    const config = parseConfig({
      logLevel: 'silent',
      dataDir,
      http: { host: '127.0.0.1', port: taken },
      mqtt: { host: '127.0.0.1', port: 0 },
    });
    const hub = createHub(config, { log: silentLogger, env: {} });
    await expect(hub.start()).rejects.toThrow(/http.port: 127.0.0.1:\d+ is already in use/);
    expect(listeners(hub)).toEqual(Object.fromEntries(BUS_EVENTS.map((e) => [e, 0])));

    const again = await startTestHub({ dataDir });
    cleanups.push(() => again.stop());
    expect((await again.api('GET', '/status')).body.components.skills.status).toBe('ok');
  });
});
