import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApi, type TestApi } from '../../hub/api/testing/test-api.js';
import { runSimCli } from '../../firmware-sim/cli.js';
import { EXAMPLE_HOUSEHOLD_FILE, household, kindFor, loadHousehold } from '../../firmware-sim/household.js';
import { loadConfig } from '../../hub/config/load.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HubRole } from '../../firmware-sim/testing/hub-role.js';
import { LoopbackBroker } from '../../firmware-sim/testing/loopback-broker.js';

const broker = new LoopbackBroker();
let api: TestApi;
let hubUrl: string;
let hub: HubRole;

beforeAll(async () => {
  await broker.start();
  hub = await HubRole.attach(await broker.client());
  api = await buildTestApi({
    health: () => ({ ready: true, mqtt: { port: broker.port, url: `mqtt://0.0.0.0:${broker.port}` } }),
  });
  await api.app.listen({ port: 0, host: '127.0.0.1' });
  hubUrl = `http://127.0.0.1:${(api.app.server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await api.app.close();
  await broker.stop();
});

/** Runs `hearth-sim household` until every device printed its line, then stops it like Ctrl-C would. */
async function runOnce(): Promise<{ code: number; lines: string[]; errors: string[] }> {
  const lines: string[] = [];
  const errors: string[] = [];
  const stop = new AbortController();
  const allOnline = new Promise<void>((resolve) => {
    const check = setInterval(() => {
      if (lines.filter((l) => l.startsWith('online')).length === household.devices.length) {
        clearInterval(check);
        resolve();
      }
    }, 20);
  });
  const done = runSimCli(['household', '--hub', hubUrl, '--token', api.token, '--log-level', 'silent'], {
    stdout: (l) => lines.push(l),
    stderr: (l) => errors.push(l),
    signal: stop.signal,
  });
  await Promise.race([allOnline, done]);
  stop.abort();
  return { code: await done, lines, errors };
}

describe('hearth-sim household', () => {
  it('is the furnished example the hub starts with: same floors, areas and device ids, a simulated kind for each', () => {
    const config = loadConfig({ configFile: EXAMPLE_HOUSEHOLD_FILE, env: {} });
    expect(household.floors.map((f) => f.id)).toEqual(config.floors.map((f) => f.id));
    expect(household.areas.map((a) => a.id)).toEqual(config.areas.map((a) => a.id));
    expect(household.devices.map((d) => [d.id, d.name, d.area, d.type, d.deviceClass])).toEqual(
      config.devices.map((d) => [d.id, d.name, d.area, d.type, d.device_class]),
    );
    expect(household.devices.map((d) => d.kind)).toEqual(
      expect.arrayContaining(['vehicle', 'washer', 'dryer', 'oven', 'gate', 'fan', 'leak_sensor']),
    );
    const areaIds = new Set(household.areas.map((a) => a.id));
    for (const device of household.devices) expect(areaIds.has(device.area)).toBe(true);
  });

  it('gives no two devices the same name or alias, so "which one?" never offers two of the same', () => {
    const said = household.devices.flatMap((d) => [d.name, ...d.aliases].map((n) => `${n.toLowerCase()} → ${d.id}`));
    const names = said.map((s) => s.split(' → ')[0]);
    expect(said.filter((_, i) => names.indexOf(names[i]!) !== i)).toEqual([]);
  });

  it('reads another household file, and names every device it cannot simulate', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hearth-sim-household-'));
    try {
      const file = join(dir, 'home.yaml');
      writeFileSync(
        file,
        'areas: [{id: den, name: Den}]\ndevices:\n  - {id: den-lamp, name: Den lamp, area: den, type: light}\n' +
          '  - {id: den-scene, name: Movie night, area: den, type: scene}\n  - {id: den-plug, name: Plug, type: switch}\n',
      );
      expect(() => loadHousehold(file)).toThrow(
        /device "den-scene": no simulated firmware for a scene; device "den-plug": needs an area/,
      );
      writeFileSync(
        file,
        'areas: [{id: den, name: Den}]\ndevices:\n  - {id: den-lamp, name: Den lamp, area: den, type: light}\n',
      );
      expect(loadHousehold(file).devices).toEqual([
        { id: 'den-lamp', name: 'Den lamp', aliases: [], area: 'den', kind: 'light', type: 'light' },
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(kindFor('appliance', 'coffee_machine')).toBe('coffee_machine');
    expect(kindFor('appliance', 'coffee_maker')).toBe('coffee_machine'); // the class's name before the language settled on coffee_machine
    expect(kindFor('cover', 'garage')).toBe('garage_door');
    // Each type's simulator decides (device-types/<type>/simulator.ts kindFor), else the kind of that class.
    expect(kindFor('cover', 'shutter')).toBe('cover');
    expect(kindFor('switch', 'fan')).toBe('plug');
    expect(kindFor('media_player', 'tv')).toBe('media_player');
    expect(kindFor('button')).toBe('dash_button');
    expect(kindFor('sensor', 'humidity')).toBeUndefined();
    expect(kindFor('binary_sensor', 'moisture')).toBe('leak_sensor');
    expect(kindFor('humidifier')).toBe('humidifier');
    expect(kindFor('humidifier', 'dehumidifier')).toBe('dehumidifier');
    expect(kindFor('humidifier', 'fogger')).toBeUndefined();
    expect(kindFor('scene')).toBeUndefined();
  });

  it('registers the home through the API, runs every device with its credential, prints a line per device and stops cleanly', async () => {
    const washerBefore = hub.availability('washer').length; // the idempotence test may have run the household already
    const washer = () => hub.availability('washer').slice(washerBefore);
    const { code, lines, errors } = await runOnce();
    expect(errors).toEqual([]);
    expect(code).toBe(0);
    expect(lines).toContainEqual(expect.stringMatching(/^online\s+kitchen-light\s+light\s+\(Kitchen\)$/));
    expect(lines).toContainEqual(expect.stringMatching(/^online\s+car\s+vehicle\s+\(Garage\)$/));

    expect(
      api.household
        .floors()
        .map((f) => f.id)
        .sort(),
    ).toEqual(['ground', 'upstairs']);
    expect(api.household.areas()).toHaveLength(household.areas.length);
    expect(
      api.devices
        .list()
        .map((d) => d.id)
        .sort(),
    ).toEqual(household.devices.map((d) => d.id).sort());
    expect(api.devices.get('car')).toMatchObject({
      type: 'vehicle',
      area: 'garage',
      name: 'Family car',
      aliases: ['car', 'the car', 'my car'],
    });
    expect(api.devices.get('washer')).toMatchObject({ type: 'appliance', deviceClass: 'washer' });
    expect(api.devices.get('kitchen-speaker')).toMatchObject({ type: 'media_player', deviceClass: 'speaker' });
    expect(api.credentials.list()).toHaveLength(household.devices.length);

    // The devices were really on the broker, and said goodbye when stopped.
    await hub.recorder.next(() => washer().includes('offline'));
    expect(washer()).toEqual(['online', 'offline']);
    expect(hub.lastState('washer')).toMatchObject({ consumables: { detergent_percent: 36 } });
  });

  it('is idempotent: a second run reuses what exists and replaces the credentials', async () => {
    expect((await runOnce()).code).toBe(0); // the first run, whether or not the test above ran
    const before = api.credentials
      .list()
      .map((c) => c.deviceId)
      .sort();
    expect(before).toHaveLength(household.devices.length);
    const { code, lines, errors } = await runOnce();
    expect(errors).toEqual([]);
    expect(code).toBe(0);
    expect(lines.filter((l) => l.startsWith('online'))).toHaveLength(household.devices.length);
    expect(api.household.areas()).toHaveLength(household.areas.length);
    expect(
      api.credentials
        .list()
        .map((c) => c.deviceId)
        .sort(),
    ).toEqual(before);
  });

  it('reports a wrong token with the reason and exit code 1', async () => {
    const errors: string[] = [];
    const code = await runSimCli(['household', '--hub', hubUrl, '--token', 'wrong'], {
      stderr: (l) => errors.push(l),
      stdout: () => undefined,
    });
    expect(code).toBe(1);
    expect(errors.join('\n')).toMatch(/UNAUTHORIZED/);
  });

  it('takes a token that starts with a dash as the value of --token', async () => {
    const errors: string[] = [];
    const code = await runSimCli(['household', '--hub', hubUrl, '--token', '-not-the-token'], {
      stderr: (l) => errors.push(l),
      stdout: () => undefined,
    });
    expect(code).toBe(1);
    expect(errors.join('\n')).toMatch(/UNAUTHORIZED/);
  });

  it('hearth-sim device runs a single device, here with slow acknowledgements injected', async () => {
    const lines: string[] = [];
    const stop = new AbortController();
    const done = runSimCli(
      [
        'device',
        'light',
        '--id',
        'porch-light',
        '--mqtt',
        broker.url,
        '--delay',
        '1-2',
        '--ack',
        'slow:300',
        '--log-level',
        'silent',
      ],
      {
        stdout: (l) => lines.push(l),
        stderr: (l) => lines.push(l),
        signal: stop.signal,
      },
    );
    while (lines.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(lines).toEqual(['online  porch-light  light']);
    const started = Date.now();
    expect(await hub.command('porch-light', 'turn_on')).toMatchObject({ status: 'ok', state: { on: true } });
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    stop.abort();
    expect(await done).toBe(0);
    await hub.recorder.next(() => hub.availability('porch-light').includes('offline'));
  });

  it('rejects bad usage with exit code 2', async () => {
    const errors: string[] = [];
    const io = { stderr: (l: string) => errors.push(l), stdout: () => undefined };
    expect(await runSimCli(['household', '--hub', 'ftp://x', '--token', 't'], io)).toBe(2);
    expect(errors.join('\n')).toContain('--hub');
    expect(await runSimCli(['device', 'toaster', '--id', 'x', '--mqtt', 'mqtt://127.0.0.1:1'], io)).toBe(2);
    expect(await runSimCli(['fly'], io)).toBe(2);
    expect(
      await runSimCli(['device', 'light', '--id', 'x', '--mqtt', 'mqtt://127.0.0.1:1', '--delay', '9-3'], io),
    ).toBe(2);
    expect(errors.join('\n')).toContain('--delay');
    // Started before the hub, or pointed at a data dir no hub uses: says so, exit 2 (as `hearth status` does).
    const noHub = mkdtempSync(join(tmpdir(), 'hearth-sim-nohub-'));
    try {
      expect(await runSimCli(['household', '--data-dir', noHub], io)).toBe(2);
      expect(errors.at(-1)).toContain(`no hub is running with data in ${noHub}`);
    } finally {
      rmSync(noHub, { recursive: true, force: true });
    }
  });
});
