/** `hearth say`, `hearth status` and `hearth skill list` against a running hub with one simulated light. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHousehold } from '../../firmware-sim/household-runner.js';
import type { SimulatedDevice } from '../../firmware-sim/core/simulated-device.js';
import { defineSkill } from '../../hub/sdk/index.js';
import { hearthCli } from '../harness/cli.js';
import { runHouseholdOn } from '../harness/household.js';
import { startTestHub, type TestHub } from '../harness/hub.js';

let hub: TestHub;
let home: RunningHousehold;

const cli = (args: string[]) => hearthCli(args, { cwd: hub.dataDir, hub });

beforeAll(async () => {
  hub = await startTestHub();
  home = await runHouseholdOn(
    hub,
    {
      floors: [{ id: 'ground', name: 'ground floor', aliases: [] }],
      areas: [{ id: 'kitchen', name: 'kitchen', aliases: [], floor: 'ground' }],
      devices: [{ id: 'kitchen-light', name: 'kitchen light', aliases: [], area: 'kitchen', kind: 'light' }],
    },
    { delay: { minMs: 5, maxMs: 10 } },
  );
}, 20_000);

afterAll(async () => {
  await home?.stop();
  await hub?.stop();
});

const light = () => home.devices.get('kitchen-light') as SimulatedDevice;

describe('hearth say', () => {
  it('prints the reply and the light turns on', async () => {
    const said = await cli(['say', 'turn on the kitchen light']);
    expect(said).toMatchObject({ code: 0, out: 'Turned on the kitchen light.' });
    expect(light().state.on).toBe(true);
  });

  it('--area fills "in here"; --json prints the whole result', async () => {
    const said = await cli(['say', 'lights off in here', '--area', 'kitchen', '--json']);
    expect(said.code).toBe(0);
    const result = JSON.parse(said.out);
    // The room comes from --area, as from a satellite: not a slot of the frame (Home Assistant's), but the target.
    expect(result).toMatchObject({
      intent: { name: 'HassTurnOff', slots: { domain: 'light' } },
      targets: ['kitchen-light'],
      skill: 'smart-home',
    });
    expect(result.intent.slots.area).toBeUndefined();
    expect(light().state.on).toBe(false);
  });

  it('--dry-run resolves and sends nothing', async () => {
    expect((await cli(['say', 'turn off the kitchen light'])).code).toBe(0); // whatever the tests before left
    const received: { command: string }[] = [];
    const onCommand = (c: { command: string }): void => void received.push(c);
    light().on('command', onCommand);
    try {
      const said = await cli(['say', 'turn on the kitchen light', '--dry-run']);
      expect(said.code).toBe(0);
      expect(said.out).toContain('(dry run) HassTurnOn name=kitchen light → kitchen-light');
      // A real command takes the same path and is acknowledged before say returns: had the dry run sent one, it came first.
      expect((await cli(['say', 'turn off the kitchen light'])).code).toBe(0);
      expect(received.map((c) => c.command)).toEqual(['turn_off']);
      expect(light().state.on).toBe(false);
    } finally {
      light().off('command', onCommand);
    }
  });

  it('exits 1 with a suggestion when not understood, and 2 without text', async () => {
    const said = await cli(['say', 'purple monkey dishwasher elephant']);
    expect(said.code).toBe(1);
    expect(said.out).toMatch(/didn't understand/);
    expect((await cli(['say'])).code).toBe(2);
  });
});

describe('hearth status and hearth skill list', () => {
  it('status lists every component, with the recogniser slot', async () => {
    const status = await cli(['status']);
    expect(status.code).toBe(0);
    for (const name of [
      'database',
      'broker',
      'devices',
      'language',
      'skills',
      'commerce',
      'marketplace',
      'recognizer',
      'api',
    ])
      expect(status.out).toMatch(new RegExp(`^\\s+${name}\\s+(ok|off|missing|degraded)`, 'm'));
    expect(status.out).toMatch(
      /^\s+marketplace\s+off\s+none set \(commerce\.marketplaceUrl\): orders will wait in the outbox/m,
    );
    expect(status.out).not.toMatch(/Missing or degraded: .*marketplace/);
    expect(status.out).toMatch(/^Dashboard: http:\/\/127\.0\.0\.1:\d+\/ \(log in with the API token: --token\)$/m);
    expect(status.out).toMatch(/language\s+ok\s+\d+ intents, \d+ sentence templates/);
    expect(status.out).toMatch(/skills\s+ok\s+\d+ loaded \(\d+ built-in\)/);
    expect(status.out).toMatch(/devices\s+ok\s+1 devices, 1 areas/);
  });

  it('skill list shows the built-in skills of the running hub', async () => {
    const listed = await cli(['skill', 'list']);
    expect(listed.code).toBe(0);
    for (const id of ['smart-home', 'media', 'timers', 'ordering', 'help']) expect(listed.out).toContain(id);
  });
});

describe('hearth skill enable', () => {
  it('turns a skill the hub disabled back on; list says when and why it was disabled until then', async () => {
    const broken = defineSkill({
      id: 'flaky',
      version: '1.0.0',
      permissions: [],
      intents: { Flake: { targets: 'none', sentences: ['flake out'] } },
      handle() {
        throw new Error('out of cheese');
      },
    });
    await hub.hub.skills().registerBuiltin(broken);
    for (let i = 0; i < 3; i++) await cli(['say', 'flake out']); // skills.maxConsecutiveFailures: 3
    const refused = await cli(['say', 'flake out']);
    expect(refused.out).toContain('hearth skill enable flaky');

    const listed = await cli(['skill', 'list']);
    expect(listed.out).toMatch(/^flaky\s+1\.0\.0\s+built-in\s+DISABLED/m);
    expect(listed.out).toMatch(
      /disabled at \S+: 3 failures in a row, the last SKILL_FAILED: .*out of cheese; `hearth skill enable flaky` turns it back on/,
    );

    expect(await cli(['skill', 'enable', 'flaky'])).toMatchObject({ code: 0, out: 'Enabled flaky again.' });
    expect((await cli(['skill', 'list'])).out).toMatch(/^flaky\s+1\.0\.0\s+built-in\s+enabled/m);
    expect(await cli(['skill', 'enable', 'flaky'])).toMatchObject({ code: 0, out: 'flaky was already enabled.' });
    expect((await cli(['skill', 'enable', 'nope'])).code).toBe(1);
  });
});
