/**
 * The password-check flood of the probe against a `hearth start` process: 1,800 CONNECTs with wrong passwords (the probe sent 1,639 in 3 s) from
 * 200 addresses (unknown users, a device with an HMAC secret, a device whose secret an older hub stored as scrypt;
 * half of them hanging up right after their CONNECT), while real devices (mqtt.js, from 127.0.0.1) connect one after
 * the other beside it, each for the first time. No guess may get in, each real CONNECT must be answered within a
 * generous bound (speed is bench/connect-flood.ts's), the log must stay bounded, the hub must stop promptly on
 * SIGTERM, and the old scrypt hash must still work and be upgraded.
 */
import Database from 'better-sqlite3';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import mqtt from 'mqtt';
import { afterEach, describe, expect, it } from 'vitest';
import { hashPassword } from '../../hub/mqtt/password-hash.js';
import { apiCall, spawnHubProcess, tempDataDir } from '../harness/hub.js';
import { until } from '../harness/until.js';
import { floodFromChild, timeDeviceConnect, type FloodReport } from './connect-flood.js';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('CONNECT flood with wrong passwords', () => {
  it('lets no guess in, keeps answering real devices, keeps the log bounded and stops promptly', async () => {
    const dataDir = tempDataDir('hearth-flood-');
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    // The text recogniser: no pocketsphinx grammar rebuild after the 40 devices below are added.
    const configFile = join(dataDir, 'test-config.yaml');
    writeFileSync(configFile, 'voice:\n  recognizer: text\n');
    const proc = await spawnHubProcess(dataDir, ['--config', configFile]);
    cleanups.push(() => proc.child.kill('SIGKILL'));
    const api = (method: string, path: string, body?: unknown) =>
      apiCall(proc.runtime.http.url, proc.token, method, path, body);
    for (const id of ['porch', 'old-lamp'])
      expect((await api('POST', '/devices', { id, name: id, type: 'light' })).status).toBe(201);
    expect((await api('POST', '/devices/porch/credentials', {})).status).toBe(201); // a flood target with an HMAC secret
    // Real devices that connect for the first time since the hub started (as after a restart): nothing about
    // their password has been checked or remembered yet.
    const real: { id: string; password: string }[] = [];
    for (let i = 0; i < 40; i++) {
      const id = `sensor-${i}`;
      expect((await api('POST', '/devices', { id, name: id, type: 'sensor' })).status).toBe(201);
      real.push({ id, password: (await api('POST', `/devices/${id}/credentials`, {})).body.password });
    }
    // A secret an older hub stored with scrypt: checking it is what a flood could queue up.
    const db = new Database(join(dataDir, 'hearth.db'));
    db.pragma('busy_timeout = 5000');
    db.prepare(
      "INSERT INTO mqtt_credentials (device_id, password_hash, extra_topics, created_at) VALUES ('old-lamp', ?, '[]', '')",
    ).run(hashPassword('old-lamp-secret'));

    const { port } = new URL(proc.runtime.mqtt.url);
    const target = { host: '127.0.0.1', port: Number(port), usernames: ['nobody', 'porch', 'old-lamp'] };
    const floods = [
      // A number of CONNECTs (the probe's 1,639 in 3 s), not a duration: a loaded machine sends them more slowly.
      floodFromChild(target, { durationMs: 240_000, attempts: 800, parallel: 50, addresses: 200 }),
      floodFromChild(target, { durationMs: 240_000, attempts: 1000, parallel: 50, addresses: 200, hangUp: true }),
    ];
    await Promise.all(floods.map((f) => f.flooding));
    const connectTimes: number[] = [];
    let flooding = true;
    const floodStarted = performance.now();
    let floodMs = 0;
    const reports = Promise.all(floods.map((f) => f.report)).finally(() => {
      flooding = false;
      floodMs = performance.now() - floodStarted;
    });
    // While the flood lasts, and at least five times (a fast machine may be through the flood in a second).
    for (let i = 0; flooding || i < 5; i++) {
      connectTimes.push(await timeDeviceConnect(proc.runtime.mqtt.url, real[i % real.length]!, 60_000));
    }
    const [report, hungUp] = (await reports) as [FloodReport, FloodReport];
    const slowest = Math.max(...connectTimes);
    console.log(
      `flood: ${report.attempts} CONNECTs waiting for an answer (return codes ${JSON.stringify(report.codes)}) and ${hungUp.attempts} hung up at once, from ${report.addresses} addresses; real devices connected ${connectTimes.length} times, first ${Math.round(connectTimes[0] ?? NaN)} ms, slowest ${Math.round(slowest)} ms (all: ${connectTimes.map(Math.round).join(' ')})`,
    );

    expect(report.attempts + hungUp.attempts).toBe(1800);
    expect(report.codes[0]).toBeUndefined(); // no guess got in
    expect(report.codes[4]).toBeGreaterThan(0); // wrong passwords were checked…
    // …and then an address that guessed too often was cut off at connect (-1), or the slow queue was full (3).
    expect((report.codes[-1] ?? 0) + (report.codes[3] ?? 0)).toBeGreaterThan(0);
    expect(connectTimes.length).toBeGreaterThanOrEqual(5);
    // A generous bound for a loaded 2-core machine, far from the 44 s of the unfixed hub; the number itself (under
    // 1 s, the target) is measured by bench/connect-flood.ts and written to BENCHMARKS.md.
    expect(slowest).toBeLessThan(10_000);
    // Refusals are logged at 20 a second at most, the rest counted: the log grows with time, not with the flood.
    // How many were left out is said with the next refusal logged (`notLogged`), or in a summary a second after
    // the first one left out when none follows; which of the two depends on how fast this machine sent the flood.
    // The hub's output reaches this process through a pipe: waited for, not expected at once (a loaded machine was
    // still before it when the flood ended). The bound follows how long this machine took until then.
    const rejectionLines = () => proc.output().match(/^.*MQTT input rejected.*$/gm) ?? [];
    const leftOut = () =>
      rejectionLines().reduce((sum, line) => sum + Number(/"notLogged":(\d+)/.exec(line)?.[1] ?? 0), 0);
    await until(
      () => leftOut() > 0,
      () => `the log to say how many refusals it left out; the hub said:\n${proc.output().slice(-4000)}`,
      30_000,
      50,
    );
    const loggedMs = performance.now() - floodStarted;
    const logLines = rejectionLines().length;
    const summaries = rejectionLines().filter((l) => /more refusals than can be logged \(a flood\?\)/.test(l)).length;
    console.log(
      `log: ${logLines} refusal lines (${summaries} summaries) in ${Math.round(loggedMs)} ms, ${leftOut()} refusals only counted (the flood took ${Math.round(floodMs)} ms)`,
    );
    expect(logLines).toBeLessThanOrEqual(21 * (Math.ceil(loggedMs / 1000) + 2));
    expect(logLines).toBeLessThan(900);

    // The old scrypt secret still works and is stored as HMAC from then on.
    const old = await mqtt.connectAsync(proc.runtime.mqtt.url, {
      clientId: 'old-lamp',
      username: 'old-lamp',
      password: 'old-lamp-secret',
      reconnectPeriod: 0,
    });
    await old.endAsync();
    expect(db.prepare("SELECT password_hash FROM mqtt_credentials WHERE device_id = 'old-lamp'").pluck().get()).toMatch(
      /^hmac-sha256\$/,
    );
    db.close();

    const stopping = performance.now();
    proc.child.kill('SIGTERM');
    const exit = await proc.exited;
    const stopMs = performance.now() - stopping;
    console.log(`SIGTERM after the flood: exit ${exit.code} in ${Math.round(stopMs)} ms`);
    expect(exit.code).toBe(0);
    expect(stopMs).toBeLessThan(10_000);
  }, 300_000); // a ceiling for a hang only: 1,800 CONNECTs take a minute or more on a loaded 2-core machine
});
