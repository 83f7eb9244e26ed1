/**
 * A real device's CONNECT beside a password-check flood (issue 13: before the fix, 3 s of flooding made a real
 * device's CONNECT take 44 s). A `hearth start` process with 40 registered devices; each round, two child
 * processes flood it for 3 s with wrong-password CONNECTs from 200 loopback addresses (one waiting for the
 * answers, one hanging up at once, as test/security/mqtt-flood.test.ts does), while this process connects the
 * real devices one after another (from 127.0.0.1, each for the first time since the hub started in round 1) and
 * times each CONNECT until its CONNACK. The test keeps only a generous bound; the numbers are here.
 *
 * Run: node --import tsx bench/connect-flood.ts   (writes bench/results/connect-flood.json)
 * Env: ROUNDS=3
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { apiCall, spawnHubProcess, tempDataDir } from '../test/harness/hub.js';
import { floodFromChild, timeDeviceConnect, type FloodReport } from '../test/security/connect-flood.js';

const ROUNDS = Number(process.env.ROUNDS ?? 3);
const log = (...args: unknown[]) => console.error(`[connect-flood ${new Date().toISOString().slice(11, 19)}]`, ...args);

const dataDir = tempDataDir('hearth-bench-flood-');
const configFile = join(dataDir, 'bench-config.yaml');
// The text recogniser: rebuilding a pocketsphinx grammar after 40 devices are added is the voice module's cost.
writeFileSync(configFile, 'voice:\n  recognizer: text\n');
const proc = await spawnHubProcess(dataDir, ['--config', configFile], 60_000);
const results: {
  round: number;
  floodAttempts: number;
  hungUp: number;
  connects: number;
  p50Ms: number;
  p90Ms: number;
  maxMs: number;
  loadAverage: number;
}[] = [];
try {
  const api = (method: string, path: string, body?: unknown) =>
    apiCall(proc.runtime.http.url, proc.token, method, path, body);
  const devices: { id: string; password: string }[] = [];
  for (let i = 0; i < 40; i++) {
    const id = `sensor-${i}`;
    await api('POST', '/devices', { id, name: id, type: 'sensor' });
    devices.push({ id, password: (await api('POST', `/devices/${id}/credentials`, {})).body.password });
  }
  const { port } = new URL(proc.runtime.mqtt.url);
  const target = { host: '127.0.0.1', port: Number(port), usernames: ['nobody', 'sensor-0'] };
  let next = 0;
  for (let round = 1; round <= ROUNDS; round++) {
    const floods = [
      floodFromChild(target, { durationMs: 3000, parallel: 50, addresses: 200 }),
      floodFromChild(target, { durationMs: 3000, parallel: 50, addresses: 200, hangUp: true }),
    ];
    await Promise.all(floods.map((f) => f.flooding));
    let flooding = true;
    const reports = Promise.all(floods.map((f) => f.report)).finally(() => (flooding = false));
    const times: number[] = [];
    while (flooding) {
      times.push(await timeDeviceConnect(proc.runtime.mqtt.url, devices[next++ % devices.length]!, 120_000));
    }
    const [waiting, hungUp] = (await reports) as [FloodReport, FloodReport];
    times.sort((a, b) => a - b);
    const at = (q: number) => Math.round(times[Math.min(times.length - 1, Math.floor(q * times.length))]!);
    const row = {
      round,
      floodAttempts: waiting.attempts,
      hungUp: hungUp.attempts,
      connects: times.length,
      p50Ms: at(0.5),
      p90Ms: at(0.9),
      maxMs: Math.round(times.at(-1)!),
      loadAverage: Math.round(loadavg()[0]! * 10) / 10,
    };
    results.push(row);
    log(JSON.stringify(row));
    // The addresses back off for up to a minute: the next round floods from them again, as an attacker would.
  }
} finally {
  proc.child.kill('SIGTERM');
  await proc.exited;
  rmSync(dataDir, { recursive: true, force: true });
}
mkdirSync('bench/results', { recursive: true });
writeFileSync(
  'bench/results/connect-flood.json',
  `${JSON.stringify({ at: new Date().toISOString(), results }, null, 2)}\n`,
);
console.log(JSON.stringify(results));
