import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSimCli } from '../../firmware-sim/cli.js';
import { household } from '../../firmware-sim/household.js';
import { runHouseholdOn } from '../harness/household.js';
import { startTestHub, type TestHub } from '../harness/hub.js';
import { until } from '../harness/until.js';

let hub: TestHub;
const stopSim = new AbortController();
let simDone: Promise<number>;
const lines: string[] = [];
const errors: string[] = [];

/** A wait's failure message with what the simulator printed, which usually says why. */
const simSaid = (what: string) => () => `${what}; sim said: ${[...lines, ...errors].join(' | ')}`;

beforeAll(async () => {
  hub = await startTestHub();
  // Found through the hub's data dir (hub.json, api-token), as `npx hearth-sim household` beside a hub's ./data does.
  simDone = runSimCli(['household', '--data-dir', hub.dataDir, '--log-level', 'silent'], {
    stdout: (l) => lines.push(l),
    stderr: (l) => errors.push(l),
    signal: stopSim.signal,
  });
  // Each device's credential is hashed with scrypt on creation: 25 of them take a while on a loaded machine.
  await until(
    () => lines.filter((l) => l.startsWith('online')).length === household.devices.length,
    simSaid('every device online'),
    60_000,
  );
}, 90_000);

afterAll(async () => {
  stopSim.abort();
  await simDone;
  await hub.stop();
});

describe('hearth-sim household against a real hub', () => {
  it('every native device is registered and available, with its state', async () => {
    await until(async () => {
      const { body } = await hub.api<{ id: string; available: boolean }[]>('GET', '/devices');
      return household.devices.every((d) => body.find((x) => x.id === d.id)?.available === true);
    }, simSaid('all devices available'));
    const car = await hub.api('GET', '/devices/car');
    expect(car.body).toMatchObject({ type: 'vehicle', area: 'garage', state: { locked: true } });
  });

  it('a command through the API turns the simulated kitchen light on, and the returned state says so', async () => {
    const reply = await hub.api('POST', '/devices/kitchen-light/commands', {
      command: 'turn_on',
      params: { brightness: 60 },
    });
    expect(reply.status).toBe(200);
    expect(reply.body.state).toMatchObject({ on: true, brightness: 60 });
    const after = await hub.api('GET', '/devices/kitchen-light');
    expect(after.body.state).toMatchObject({ on: true, brightness: 60 });
  });

  it('a firmware refusal comes back as a coded API error', async () => {
    const reply = await hub.api('POST', '/devices/kitchen-speaker/commands', { command: 'media_next' });
    expect(reply.status).toBeGreaterThanOrEqual(400);
    expect(reply.body.error.code).toBeTypeOf('string');
  });

  it('the car and the washer obey through the API', async () => {
    expect((await hub.api('POST', '/devices/car/commands', { command: 'unlock' })).body.state).toMatchObject({
      locked: false,
    });
    // Locked again, as the household starts: the first test reads the car's initial state whatever order the tests run in.
    expect((await hub.api('POST', '/devices/car/commands', { command: 'lock' })).body.state).toMatchObject({
      locked: true,
    });
    const washer = await hub.api('POST', '/devices/washer/commands', {
      command: 'start_program',
      params: { program: 'quick' },
    });
    expect(washer.body.state).toMatchObject({ program_state: 'running', consumables: { detergent_percent: 29 } });
  });

  it('a discovery plug in a household definition shows up by announcing itself, lands in its area and can be switched', async () => {
    const plug = await runHouseholdOn(hub, {
      floors: [],
      areas: [],
      devices: [{ id: 'dehumidifier', name: 'dehumidifier', aliases: [], area: 'bedroom', kind: 'tasmota_plug' }],
    });
    try {
      await until(
        async () => (await hub.api('GET', '/devices/dehumidifier')).body?.area === 'bedroom',
        'the discovered plug in the bedroom',
      );
      const reply = await hub.api('POST', '/devices/dehumidifier/commands', { command: 'turn_on' });
      expect(reply.status).toBe(200);
      expect(JSON.stringify(reply.body.state)).toMatch(/on/i);
    } finally {
      await plug.stop();
    }
  });
});
