/**
 * "A device type is its folder": a type that exists only in a test folder (test/fixtures/device-types/pet_feeder/)
 * is added to the registration list (device-types/list.ts) and nothing else. A real hub with the embedded broker,
 * the simulator, the smart-home skill, the dashboard in Debian's chromium and Home Assistant discovery from a plain
 * MQTT client must all handle it — no other file knows the type.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { MqttClient } from 'mqtt';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { deviceKinds } from '../../firmware-sim/devices/catalog.js';
import { kindFor } from '../../firmware-sim/household.js';
import type { RunningHousehold } from '../../firmware-sim/index.js';
import { simulatedState, startHubWithHousehold, untilSimulated } from '../harness/household.js';
import { launchBrowser, type TestBrowser } from '../harness/browser.js';
import { REPO_ROOT, type TestHub } from '../harness/hub.js';
import { connectDevice } from '../harness/device-client.js';
import { until, untilValue } from '../harness/until.js';

// The one registration line, made by the test: the list as shipped plus the fixture type.
vi.mock('../../device-types/list.js', async (original) =>
  (await import('../harness/fixture-device-types.js')).withFixtureType(original, 'pet_feeder'),
);

let hub: TestHub;
let sim: RunningHousehold;
let browser: TestBrowser;
let page: Page;
let consoleErrors: string[];

const say = async (text: string): Promise<string> => {
  const res = await hub.api('POST', '/utterances', { text });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return String(res.body.reply ?? '');
};

beforeAll(async () => {
  ({ hub, household: sim } = await startHubWithHousehold(
    {
      floors: [],
      areas: [{ id: 'kitchen', name: 'Kitchen', aliases: [] }],
      devices: [{ id: 'cat-feeder', name: 'Cat feeder', aliases: [], area: 'kitchen', kind: 'pet_feeder' }],
    },
    { run: { delay: { minMs: 1, maxMs: 5 } } },
  ));
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await sim?.stop();
  await hub?.stop();
});

describe('a type registered only through the list', () => {
  it('is nowhere in the product code: only the test names it', () => {
    const sources = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        ['node_modules', 'dist'].includes(e.name)
          ? []
          : e.isDirectory()
            ? sources(join(dir, e.name))
            : /\.(ts|js|mjs|json|yaml)$/.test(e.name)
              ? [join(dir, e.name)]
              : [],
      );
    const product = ['hub', 'skills', 'device-types', 'device-drivers', 'firmware-sim', 'config', 'bin'].flatMap((d) =>
      sources(join(REPO_ROOT, d)),
    );
    expect(product.length).toBeGreaterThan(200);
    const naming = product.filter((f) => /pet_?feeder/i.test(readFileSync(f, 'utf8')));
    expect(naming.map((f) => relative(REPO_ROOT, f))).toEqual([]);
  });

  it('is simulated: the simulator has its kind, and a household device of the type gets that firmware', () => {
    expect(deviceKinds.get('pet_feeder')).toMatchObject({ type: 'pet_feeder', protocol: 'hearth' });
    expect(kindFor('pet_feeder')).toBe('pet_feeder');
  });

  it('is registered with its type, and its model is served to the dashboard', async () => {
    expect((await hub.api('GET', '/devices/cat-feeder')).body).toMatchObject({ type: 'pet_feeder', driver: 'hearth' });
    const models = (await hub.api('GET', '/device-types')).body;
    expect(models.pet_feeder.commands).toEqual(['feed']);
    expect(models.pet_feeder.capabilities.map((c: { kind: string }) => c.kind)).toEqual([
      'status',
      'actions',
      'reading',
    ]);
  });

  it('is commanded over MQTT with its own params, and bad params are refused before they reach the device', async () => {
    const fed = await hub.api('POST', '/devices/cat-feeder/commands', { command: 'feed', params: { portions: 2 } });
    expect(fed.status, JSON.stringify(fed.body)).toBe(200);
    await untilSimulated(sim, 'cat-feeder', 'portions_fed', 2);
    expect(fed.body.state).toMatchObject({ food_percent: 80, portions_fed: 2 });

    const tooMany = await hub.api('POST', '/devices/cat-feeder/commands', { command: 'feed', params: { portions: 9 } });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.message).toContain('portions');
    const unknown = await hub.api('POST', '/devices/cat-feeder/commands', { command: 'turn_on' });
    expect(unknown.body.error.code).toBe('UNSUPPORTED_COMMAND');
    expect(simulatedState(sim, 'cat-feeder').portions_fed).toBe(2);
  });

  it('is worded by the smart-home skill: its own intent acts on the device, and the state question uses its words', async () => {
    expect(await say('feed the cat')).toBe('Fed the cat feeder.');
    await untilSimulated(sim, 'cat-feeder', 'portions_fed', 3);
    expect(await say('give the cat two portions')).toBe('Fed the cat feeder.');
    await untilSimulated(sim, 'cat-feeder', 'portions_fed', 5);
    await until(
      async () => (await hub.api('GET', '/devices/cat-feeder')).body.state.food_percent === 50,
      'the hub has the food level',
    );
    expect(await say('what is the status of the cat feeder')).toBe('The cat feeder has 50 percent of its food left.');
    // No sentence fits: the second stage reads the type's cues and its nouns (`words`).
    expect(await say('fill the food bowl for the cat')).toBe('Fed the cat feeder.');
    await untilSimulated(sim, 'cat-feeder', 'portions_fed', 6);
  });

  it('is shown and controlled by the dashboard from its model', async () => {
    browser = await launchBrowser();
    ({ page, consoleErrors } = await browser.newPage());
    await page.goto(hub.runtime.http.url);
    await page.getByLabel('API token').fill(hub.token);
    await page.getByLabel('API token').press('Enter');
    const card = page.locator('[data-device="cat-feeder"]');
    await card.getByTestId('state').filter({ hasText: 'idle' }).waitFor();
    await card
      .getByTestId('state')
      .filter({ hasText: /\d+% food left/ })
      .waitFor(); // its model's `summary`
    const before = simulatedState(sim, 'cat-feeder').portions_fed as number;
    await card.getByRole('button', { name: 'Feed Cat feeder' }).click();
    await untilSimulated(sim, 'cat-feeder', 'portions_fed', before + 1);
    expect(consoleErrors).toEqual([]);
  });
});

describe('Home Assistant discovery maps the type from its folder', () => {
  let client: MqttClient;
  beforeAll(async () => {
    client = await connectDevice(hub, 'pantry-bridge', ['homeassistant/+/pantry-bridge/#', 'pantry/pantry-bridge/#']);
  });
  afterAll(async () => client?.endAsync());

  it('a pet_feeder announced over discovery is registered and fed, acknowledged by its portions topic', async () => {
    let dispensed = 0;
    const heard: string[] = [];
    await client.subscribeAsync('pantry/pantry-bridge/bowl/feed');
    client.on('message', (topic, payload) => {
      if (topic !== 'pantry/pantry-bridge/bowl/feed') return;
      heard.push(payload.toString());
      dispensed += Number(JSON.parse(payload.toString()).n);
      client.publish('pantry/pantry-bridge/bowl/portions', String(dispensed));
    });
    await client.publishAsync(
      'homeassistant/pet_feeder/pantry-bridge/bowl/config',
      JSON.stringify({
        name: 'Dog bowl',
        unique_id: 'pantry-bowl',
        feed_command_topic: 'pantry/pantry-bridge/bowl/feed',
        feed_command_template: '{"n": {{ value }}}',
        portions_state_topic: 'pantry/pantry-bridge/bowl/portions',
      }),
      { retain: true, qos: 1 },
    );
    const device = await untilValue(
      async () => (await hub.api('GET', '/devices/pantry-bowl')).body,
      (d) => d?.type === 'pet_feeder',
      'the bowl discovered',
    );
    expect(device).toMatchObject({ driver: 'ha-discovery', capabilities: ['feed'] });

    const fed = await hub.api('POST', '/devices/pantry-bowl/commands', { command: 'feed', params: { portions: 2 } });
    expect(fed.status, JSON.stringify(fed.body)).toBe(200);
    expect(fed.body.state).toMatchObject({ portions_fed: 2 });
    expect(heard).toEqual(['{"n": 2}']);
  });
});
