/**
 * A hub with 1,000 devices restarts: how long until every device is connected again? Each device has its own
 * credential and connects once the new hub listens (the load generator in its own process, 50 handshakes at a
 * time, as in bench/fan-in.ts). Nothing of the first hub's process is left: whatever its password checks cost is
 * paid again. Raw aedes (no auth, no persistence) connecting the same 1,000 devices is the floor.
 *
 * Run: node --import tsx bench/reconnect-after-restart.ts   (writes bench/results/reconnect-after-restart.json)
 * Env: LOAD_DEVICES=1000 ROUNDS=3
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { silentLogger } from '../hub/core/logger.js';
import { createHub, type Hub } from '../hub/main.js';
import { loopbackHubConfig, tempDataDir } from '../test/harness/hub.js';
import { GeneratorProcess } from './load/child-driver.js';
import type { LoadDevice } from './load/generator.js';
import { loadDeviceIds, startAedesTarget } from './load/targets.js';

const DEVICES = Number(process.env.LOAD_DEVICES ?? 1000);
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const log = (...args: unknown[]) => console.error(`[reconnect ${new Date().toISOString().slice(11, 19)}]`, ...args);

const dataDir = tempDataDir('hearth-bench-reconnect-');
// The text recogniser: a pocketsphinx grammar over 1,000 devices is the voice module's cost, not the broker's.
const config = loopbackHubConfig(dataDir, { voice: { recognizer: 'text' } });

async function startHub(): Promise<{ hub: Hub; url: string }> {
  const hub = createHub(config, { log: silentLogger, env: {} });
  const runtime = await hub.start();
  return { hub, url: runtime.mqtt.url };
}

async function connectAll(
  url: string,
  devices: LoadDevice[],
): Promise<{ ms: number; connected: number; generator: GeneratorProcess }> {
  const generator = new GeneratorProcess();
  const { ms, connected } = await generator.connect(url, devices);
  return { ms, connected, generator };
}

const results: { round: number; target: 'hub' | 'aedes'; ms: number; connected: number; loadAverage: number }[] = [];
try {
  let { hub, url } = await startHub();
  const devices: LoadDevice[] = [];
  for (const id of loadDeviceIds(DEVICES)) {
    hub.devices().add({ id, name: `Load sensor ${id.slice(5)}`, type: 'sensor' });
    const { password } = hub.credentials().create(id);
    devices.push({ id, username: id, password });
  }
  const first = await connectAll(url, devices);
  log(`hub: ${first.connected} devices connected to the first hub in ${first.ms} ms`);
  let generator = first.generator;
  for (let round = 1; round <= ROUNDS; round++) {
    await generator.close();
    await hub.stop();
    ({ hub, url } = await startHub());
    const loadAverage = Math.round(loadavg()[0]! * 10) / 10;
    const again = await connectAll(url, devices);
    generator = again.generator;
    results.push({ round, target: 'hub', ms: again.ms, connected: again.connected, loadAverage });
    log(
      `round ${round} hub: restarted, ${again.connected} devices reconnected in ${again.ms} ms (load ${loadAverage})`,
    );

    const aedes = await startAedesTarget(DEVICES);
    const raw = await connectAll(aedes.url, aedes.devices);
    results.push({
      round,
      target: 'aedes',
      ms: raw.ms,
      connected: raw.connected,
      loadAverage: Math.round(loadavg()[0]! * 10) / 10,
    });
    log(`round ${round} raw aedes: ${raw.connected} devices connected in ${raw.ms} ms`);
    await raw.generator.close();
    await aedes.stop();
  }
  await generator.close();
  await hub.stop();
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}

mkdirSync('bench/results', { recursive: true });
writeFileSync(
  'bench/results/reconnect-after-restart.json',
  `${JSON.stringify({ devices: DEVICES, at: new Date().toISOString(), results }, null, 2)}\n`,
);
console.log(JSON.stringify(results));
