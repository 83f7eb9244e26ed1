import { createServer, connect, type Server } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CliIo } from '../../hub/cli/command.js';
import { runCli } from '../../hub/cli/main.js';
import { existsSync } from 'node:fs';
import { spawnHearth, spawnHubProcess, startTestHub, tempDataDir, type TestHub } from '../harness/hub.js';

const cleanups: (() => Promise<unknown> | unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function captureIo(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l), env: {}, cwd: process.cwd() };
}

async function hearth(args: string[]) {
  const io = captureIo();
  const code = await runCli(args, io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  await new Promise((r) => server.close(r));
  return port;
}

function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('hearth CLI against a running hub', () => {
  let hub: TestHub;

  it('shows status, adds, lists and removes devices, creates credentials', async () => {
    hub = await startTestHub({ config: { areas: [{ id: 'hall', name: 'Hall' }] } });
    cleanups.push(() => hub.stop());
    const where = ['--data-dir', hub.dataDir];

    const status = await hearth(['status', ...where]);
    expect(status.code).toBe(0);
    expect(status.out).toContain(hub.runtime.http.url);
    expect(status.out).toMatch(/broker\s+ok/);
    expect(status.out).toMatch(/marketplace\s+off/);

    const added = await hearth([
      'devices',
      'add',
      'porch',
      '--name',
      'Porch light',
      '--type',
      'light',
      '--area',
      'hall',
      '--alias',
      'front light',
      ...where,
    ]);
    expect(added).toMatchObject({ code: 0 });
    expect(hub.hub.devices().get('porch')).toMatchObject({
      name: 'Porch light',
      area: 'hall',
      aliases: ['front light'],
    });

    const list = await hearth(['devices', 'list', ...where]);
    expect(list.out).toMatch(/porch\s+light\s+hall/);
    const json = await hearth(['devices', 'list', '--json', '--type', 'light', ...where]);
    expect(JSON.parse(json.out).map((d: { id: string }) => d.id)).toEqual(['porch']);

    const cred = await hearth(['credentials', 'create', 'porch', '--json', ...where]);
    expect(cred.code).toBe(0);
    const issued = JSON.parse(cred.out);
    expect(hub.hub.credentials().verify('porch', issued.password)).toBe(true);

    const bad = await hearth(['devices', 'add', 'x', '--name', 'X', '--type', 'lamp', ...where]);
    expect(bad.code).toBe(2); // bad arguments, as the README says
    expect(bad.err).toContain('--type must be one of light, switch');
    expect(bad.err).toContain('(got "lamp")');

    const nowhere = await hearth([
      'devices',
      'add',
      'x',
      '--name',
      'X',
      '--type',
      'light',
      '--area',
      'attic',
      ...where,
    ]);
    expect(nowhere.code).toBe(1);
    expect(nowhere.err).toContain(
      'AREA_NOT_FOUND: No area with id "attic"; create it with `hearth areas add attic --name NAME`',
    );
    expect(await hearth(['areas', 'add', 'attic', '--name', 'Attic', '--alias', 'loft', ...where])).toMatchObject({
      code: 0,
      out: expect.stringContaining('Added the area "Attic" (attic)'),
    });
    expect(
      (await hearth(['devices', 'add', 'x', '--name', 'X', '--type', 'light', '--area', 'attic', ...where])).code,
    ).toBe(0);
    expect(hub.hub.devices().get('x')?.area).toBe('attic');
    expect((await hearth(['areas', 'list', ...where])).out).toMatch(/^attic\s+Attic\s+-\s+loft$/m);
    expect(await hearth(['floors', 'add', 'top', '--name', 'Top floor', ...where])).toMatchObject({ code: 0 });
    expect(await hearth(['areas', 'add', 'study', '--name', 'Study', '--floor', 'top', ...where])).toMatchObject({
      code: 0,
    });
    expect(
      hub.hub
        .household()
        .areas()
        .find((a) => a.id === 'study'),
    ).toMatchObject({ floor: 'top' });
    expect((await hearth(['areas', 'add', 'den', ...where])).code).toBe(2); // no --name

    expect((await hearth(['devices', 'remove', 'porch', ...where])).code).toBe(0);
    expect(hub.hub.devices().get('porch')).toBeUndefined();
  });

  it('says so when the token is wrong or the hub is not running', async () => {
    hub = await startTestHub();
    cleanups.push(() => hub.stop());
    const wrong = await hearth(['status', '--url', hub.runtime.http.url, '--token', 'nope', '--data-dir', hub.dataDir]);
    expect(wrong.code).toBe(1);
    expect(wrong.err).toContain('UNAUTHORIZED');
    const port = await freePort();
    const down = await hearth(['status', '--url', `http://127.0.0.1:${port}`, '--data-dir', hub.dataDir]);
    expect(down.code).toBe(1);
    expect(down.err).toContain('Cannot reach the hub');
  });
});

describe('hearth CLI usage', () => {
  it('prints help and rejects unknown commands and options with usage', async () => {
    const help = await hearth(['help']);
    expect(help.code).toBe(0);
    for (const name of ['start', 'status', 'devices', 'credentials']) expect(help.out).toContain(name);
    expect((await hearth(['frobnicate'])).code).toBe(2);
    const badOption = await hearth(['devices', 'list', '--colour', 'red']);
    expect(badOption.code).toBe(2);
    expect(badOption.err).toContain("Unknown option '--colour'");
    expect(badOption.err).toContain('Usage:');
    const noAction = await hearth(['devices']);
    expect(noAction).toMatchObject({ code: 2 });
    expect(noAction.err).toContain('list, add or remove');
    expect((await hearth(['start', '--http-port', 'eighty'])).err).toContain('--http-port must be a port number');
  });
});

describe('hearth start with a bad configuration', () => {
  it('exits non-zero naming the key, and leaves no port listening', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hearth-cli-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const httpPort = await freePort();
    const mqttPort = await freePort();
    const file = join(dir, 'home.yaml');
    writeFileSync(
      file,
      `dataDir: ${join(dir, 'data')}\nhttp: {port: ${httpPort}}\nmqtt: {port: ${mqttPort}}\ndevices:\n  - {id: lamp, name: Lamp, type: lamp}\n`,
    );
    const run = spawnHearth(['start', '--config', file]);
    const { code } = await run.exited;
    expect(code).toBe(2);
    expect(run.output()).toContain('devices[0].type: must be one of light, switch');
    expect(run.output()).toContain('(got "lamp")');
    expect(await isListening(httpPort)).toBe(false);
    expect(await isListening(mqttPort)).toBe(false);
  });

  it('undoes a half-done start when the MQTT port is taken, and says so in one line with exit code 2', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    cleanups.push(() => new Promise((r) => blocker.close(r)));
    const taken = (blocker.address() as { port: number }).port;
    const httpPort = await freePort();
    const dir = mkdtempSync(join(tmpdir(), 'hearth-cli-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const run = spawnHearth([
      'start',
      '--data-dir',
      dir,
      '--host',
      '127.0.0.1',
      '--http-port',
      String(httpPort),
      '--mqtt-port',
      String(taken),
    ]);
    const { code } = await run.exited;
    expect(code).toBe(2);
    expect(
      run
        .output()
        .split('\n')
        .filter((l) => l && !l.startsWith('{')),
    ).toEqual([
      `hearth start: PORT_IN_USE: mqtt.port: 127.0.0.1:${taken} is already in use (another hub or broker listens there); stop it, or pass --mqtt-port N (0 picks a free port)`,
    ]);
    expect(run.output()).not.toContain('"level":50');
    expect(await isListening(httpPort)).toBe(false);
  });
});

describe('hearth start lifecycle', () => {
  it('stops gracefully on SIGTERM: exit 0, ports closed, runtime file removed', async () => {
    const dataDir = tempDataDir();
    const proc = await spawnHubProcess(dataDir);
    cleanups.push(() => proc.child.kill('SIGKILL'));
    expect(existsSync(join(dataDir, 'hub.json'))).toBe(true);
    proc.child.kill('SIGTERM');
    expect((await proc.exited).code).toBe(0);
    expect(proc.output()).toContain('hub stopped');
    expect(existsSync(join(dataDir, 'hub.json'))).toBe(false);
    expect(await isListening(proc.runtime.http.port)).toBe(false);
    expect(await isListening(proc.runtime.mqtt.port)).toBe(false);
  });
});
