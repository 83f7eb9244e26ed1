/**
 * The dashboard's generic controls, drawn from each type's capability model (GET /device-types), in Debian's
 * chromium against a real hub and simulated firmware: the two types added as one folder each get working controls
 * without a line of dashboard code of their own, and an existing type keeps its controls. Screenshot:
 * test-artifacts/dashboard-device-types.png.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHousehold } from '../../firmware-sim/index.js';
import { simulatedState, startHubWithHousehold, untilSimulated } from '../harness/household.js';
import { launchBrowser, type TestBrowser } from '../harness/browser.js';
import type { TestHub } from '../harness/hub.js';

let hub: TestHub;
let sim: RunningHousehold;
let browser: TestBrowser;
let page: Page;
let consoleErrors: string[];

const card = (id: string) => page.locator(`[data-device="${id}"]`);

beforeAll(async () => {
  ({ hub, household: sim } = await startHubWithHousehold({
    floors: [],
    areas: [
      { id: 'bedroom', name: 'bedroom', aliases: [] },
      { id: 'garden', name: 'garden', aliases: [] },
    ],
    devices: [
      { id: 'humidifier', name: 'Humidifier', aliases: [], area: 'bedroom', kind: 'humidifier' },
      { id: 'bedside-lamp', name: 'Bedside lamp', aliases: [], area: 'bedroom', kind: 'light' },
      { id: 'mower', name: 'Mower', aliases: [], area: 'garden', kind: 'lawn_mower' },
    ],
  }));
  browser = await launchBrowser();
  ({ page, consoleErrors } = await browser.newPage());
  await page.goto(hub.runtime.http.url);
  await page.getByLabel('API token').fill(hub.token);
  await page.getByLabel('API token').press('Enter');
  await card('mower').waitFor();
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await sim?.stop();
  await hub?.stop();
});

describe('generic device controls from the capability model', () => {
  it('a humidifier: the on/off switch, the humidity setpoint and the mode list work on the device', async () => {
    await card('humidifier').getByRole('switch', { name: 'Humidifier: off' }).click();
    await untilSimulated(sim, 'humidifier', 'on', true);
    await card('humidifier').getByRole('switch', { name: 'Humidifier: on' }).waitFor();

    const before = simulatedState(sim, 'humidifier').target_humidity as number;
    await card('humidifier').getByRole('button', { name: 'Raise Humidifier humidity' }).click();
    await untilSimulated(sim, 'humidifier', 'target_humidity', before + 5);
    await card('humidifier')
      .locator('strong', { hasText: `${before + 5}%` })
      .waitFor();

    // The list offers the modes this device reports (available_modes), not every mode Home Assistant knows.
    const mode = card('humidifier').getByLabel('Mode');
    expect(await mode.locator('option').allTextContents()).toEqual(['normal', 'eco', 'sleep', 'boost', 'auto']);
    await mode.selectOption('sleep');
    await untilSimulated(sim, 'humidifier', 'mode', 'sleep');
  });

  it('a lawn mower: only the buttons its activity allows, each sending its command', async () => {
    const mower = card('mower');
    await mower.getByRole('button', { name: 'Mow Mower' }).waitFor();
    expect(await mower.getByRole('button', { name: 'Dock Mower' }).count()).toBe(0); // already docked
    await mower.getByRole('button', { name: 'Mow Mower' }).click();
    await untilSimulated(sim, 'mower', 'activity', 'mowing');
    await mower.getByRole('button', { name: 'Pause Mower' }).waitFor();
    expect(await mower.getByRole('button', { name: 'Mow Mower' }).count()).toBe(0);
    await mower.getByRole('button', { name: 'Dock Mower' }).click();
    await untilSimulated(sim, 'mower', 'activity', 'returning');
    await mower.getByTestId('state').filter({ hasText: 'returning' }).waitFor();
  });

  it('an existing type keeps its controls: a light switches and dims from its model', async () => {
    await card('bedside-lamp').getByRole('switch', { name: 'Bedside lamp: off' }).click();
    await untilSimulated(sim, 'bedside-lamp', 'on', true);
    await card('bedside-lamp').getByRole('switch', { name: 'Bedside lamp: on' }).waitFor();
    // fill() sets a range input's value and fires its input and change events, as a drag that ends does.
    await card('bedside-lamp').getByLabel('Brightness').fill('30');
    await untilSimulated(sim, 'bedside-lamp', 'brightness', 30);
    // The summary line says the brightness because the light's model asks for it (`summary` on its level).
    await card('bedside-lamp').getByTestId('state').filter({ hasText: 'on · 30%' }).waitFor();
    await browser.screenshot(page, 'dashboard-device-types');
    expect(consoleErrors).toEqual([]);
  });
});
