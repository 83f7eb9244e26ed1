/**
 * The dashboard in Debian's chromium against a real hub with a firmware-sim household, the marketplace
 * simulator and a skill store: log in, watch the simulator change live, switch a light, type a command,
 * confirm an order with the PIN, install a skill; then give a user a password and log in with it, confirm a
 * quote made by voice, lower a spending limit and see an order refused, and chart a device's history
 * from the hub after a reload. Screenshots go to test-artifacts/dashboard-*.png.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHousehold, SimulatedDevice } from '../../firmware-sim/index.js';
import { MarketplaceSimulator } from '../../firmware-sim/marketplace/server.js';
import { createPublisherKey, packSkill, signSkill } from '../../hub/skills/cli/pack.js';
import { scaffoldSkill } from '../../hub/skills/cli/scaffold.js';
import { publishSkill } from '../../hub/skills/cli/source.js';
import { launchBrowser, type TestBrowser } from '../harness/browser.js';
import { apiCall, startTestHub, type TestHub } from '../harness/hub.js';
import { hashPassword } from '../../hub/mqtt/password-hash.js';
import { until } from '../harness/until.js';
import { runHouseholdOn } from '../harness/household.js';
import { tunedHousehold } from '../harness/tuned-household.js';
import { defineSkill } from '../../hub/sdk/index.js';

const PIN = '4817';
let dir: string;
let hub: TestHub;
let sim: RunningHousehold;
let market: MarketplaceSimulator;
let browser: TestBrowser;
let page: Page;
let consoleErrors: string[];

const simDevice = (id: string) => sim.devices.get(id) as SimulatedDevice;
const card = (id: string) => page.locator(`[data-device="${id}"]`);

/** At a phone's width nothing may push the page sideways (wide tables scroll inside their own box). */
async function expectFitsPhone(): Promise<void> {
  expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hearth-dashboard-e2e-'));
  const { publicKey } = createPublisherKey(join(dir, 'porchworks.pem'));
  scaffoldSkill('porch-greeter', { dir, publisher: 'porchworks' });
  const packed = packSkill(join(dir, 'porch-greeter'), { outDir: dir });
  signSkill(packed.file, { keyFile: join(dir, 'porchworks.pem'), publisher: 'porchworks' });
  await publishSkill(packed.file, join(dir, 'store'));

  market = new MarketplaceSimulator();
  await market.start();
  hub = await startTestHub({
    config: {
      commerce: {
        marketplaceUrl: market.url,
        users: [
          { id: 'robin', name: 'Robin', role: 'adult' },
          { id: 'kit', name: 'Kit', role: 'child' },
        ],
        defaultUser: 'robin',
        pin: { required: true, hash: hashPassword(PIN) },
        sync: { pollIntervalMs: 200, backoffBaseMs: 50 },
      },
      skills: { storeUrl: join(dir, 'store'), trustedPublishers: [{ id: 'porchworks', publicKey }] },
    },
  });
  sim = await runHouseholdOn(hub, tunedHousehold);
  // Fetched now rather than the hub's first sync awaited (a failed one is retried a minute later); the ceiling only
  // fires when the marketplace never answers.
  await until(
    async () => ((await hub.api('POST', '/commerce/catalog/sync')).body?.products ?? 0) > 0,
    'the catalog from the marketplace',
    60_000,
    200,
  );
  browser = await launchBrowser();
  ({ page, consoleErrors } = await browser.newPage());
}, 180_000); // a signed skill packed, a hub, a household and chromium started, on a loaded 2-core machine

afterAll(async () => {
  await browser?.close();
  await sim?.stop();
  await hub?.stop();
  await market?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('dashboard in a browser', () => {
  it('shows only the login without a token, refuses a wrong one, and logs in with the right one', async () => {
    await page.goto(hub.runtime.http.url);
    await expect(page.getByLabel('API token').isVisible()).resolves.toBe(true);
    expect(await page.locator('[data-device]').count()).toBe(0);
    await page.getByLabel('API token').fill('not-the-token');
    await page.getByRole('button', { name: 'Log in', exact: true }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toMatch(/not right/);
    await browser.screenshot(page, 'dashboard-login-refused');

    await page.getByLabel('API token').fill(hub.token);
    await page.getByLabel('API token').press('Enter'); // the keyboard is enough
    await card('kitchen-light').waitFor();
    await page.getByTestId('connection').filter({ hasText: 'live' }).waitFor();
    expect(await page.getByRole('heading', { name: 'kitchen', exact: true }).count()).toBe(1);
    expect(await page.evaluate('sessionStorage.getItem("hearth.token")')).toBe(hub.token);
    await expectFitsPhone();
    await browser.screenshot(page, 'dashboard-home');
  });

  it('shows a change made on the simulator side without a reload', async () => {
    const navigations: string[] = [];
    page.on('framenavigated', (f) => navigations.push(f.url()));
    const presses = card('coffee-button').getByTestId('state');
    expect(await presses.textContent()).toMatch(/0 presses/);
    simDevice('coffee-button').perform('press');
    await presses.filter({ hasText: '1 press' }).waitFor();

    simDevice('front-door').dropConnection({ stayOffline: true });
    await card('front-door').locator('.badge', { hasText: 'offline' }).waitFor();
    await browser.screenshot(page, 'dashboard-device-offline');
    simDevice('front-door').reconnect();
    await card('front-door').locator('.badge', { hasText: 'online' }).waitFor();
    expect(navigations).toEqual([]);
  });

  it('toggles a light from the keyboard and the simulated light turns on', async () => {
    expect(simDevice('kitchen-light').state.on).toBe(false);
    await card('kitchen-light')
      .getByRole('switch', { name: /kitchen light: off/ })
      .focus();
    await page.keyboard.press('Space');
    await until(() => simDevice('kitchen-light').state.on === true, 'the simulated kitchen light on');
    await card('kitchen-light')
      .getByRole('switch', { name: /kitchen light: on/ })
      .waitFor();
    await card('kitchen-light').getByText('History').click();
    await card('kitchen-light').locator('svg[role="img"]').first().waitFor();
    await browser.screenshot(page, 'dashboard-light-on');
  });

  it('types a command that goes through the same path as speech', async () => {
    await page.getByRole('link', { name: 'Voice' }).click();
    await page.getByLabel('Type a command').fill('turn on the hallway light');
    await page.getByRole('button', { name: 'Send' }).click();
    const result = page.getByTestId('utterance-result');
    await result.waitFor();
    expect(await result.textContent()).toMatch(/HassTurnOn/);
    await until(() => simDevice('hallway-light').state.on === true, 'the simulated hallway light on');
    await page.getByTestId('voice-log').getByText('turn on the hallway light').waitFor();
    await expectFitsPhone();
    await browser.screenshot(page, 'dashboard-voice');
  });

  it('confirms an order with the PIN and shows it in the outbox', async () => {
    await page.getByRole('link', { name: 'Orders' }).click();
    await page.getByLabel('Product').selectOption('COF-POD-30');
    await page.getByLabel('Quantity').fill('2');
    await page.getByRole('button', { name: 'Get a quote' }).click();
    const pending = page.getByTestId('pending-confirmation');
    await pending.waitFor();
    expect(await pending.textContent()).toMatch(/17\.98 EUR/);
    await pending.getByLabel('PIN').fill(PIN);
    await browser.screenshot(page, 'dashboard-order-pending');
    await pending.getByRole('button', { name: 'Confirm order' }).click();
    await pending.waitFor({ state: 'detached' });

    const orders = (await hub.api('GET', '/commerce/orders')).body.orders as {
      id: string;
      userId: string;
      totalCents: number;
    }[];
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({ userId: 'robin', totalCents: 1798 });
    const outboxRow = page.getByTestId('outbox').locator(`tr[data-order="${orders[0]!.id}"]`);
    await outboxRow.waitFor();
    expect(await outboxRow.textContent()).toMatch(/place/);
    await page
      .getByTestId('orders')
      .locator(`tr[data-order="${orders[0]!.id}"] .badge`, { hasText: 'placed' })
      .waitFor();
    await expectFitsPhone();
    await browser.screenshot(page, 'dashboard-orders');
  });

  it('says when and why a skill was disabled, and turns it back on', async () => {
    const flaky = defineSkill({
      id: 'flaky',
      version: '1.0.0',
      permissions: [],
      intents: { Flake: { targets: 'none', sentences: ['flake out now'] } },
      handle() {
        throw new Error('out of cheese');
      },
    });
    await hub.hub.skills().registerBuiltin(flaky);
    for (let i = 0; i < 3; i++) await hub.api('POST', '/utterances', { text: 'flake out now' });
    await page.getByRole('link', { name: 'Skills' }).click();
    const row = page.getByTestId('skills').locator('tr[data-skill="flaky"]');
    await row.getByTestId('disabled-reason').waitFor();
    expect(await row.getByTestId('disabled-reason').textContent()).toMatch(
      /^Turned off .+ after 3 failures in a row, the last SKILL_FAILED: .*out of cheese\.$/,
    );
    await browser.screenshot(page, 'dashboard-skill-disabled');
    await row.getByRole('button', { name: 'Enable' }).click();
    await row.locator('.badge', { hasText: 'enabled' }).waitFor();
    expect(hub.hub.skills().get('flaky')).toMatchObject({ enabled: true, consecutiveFailures: 0 });
    await hub.hub.skills().unload('flaky');
  });

  it('installs a skill from the store after showing its permissions', async () => {
    await page.getByRole('link', { name: 'Skills' }).click();
    const entry = page.locator('[data-store-skill="porch-greeter"]');
    await entry.getByRole('button', { name: 'Install porch-greeter' }).click();
    const approval = entry.getByRole('group', { name: 'Approve porch-greeter' });
    await approval.waitFor();
    expect(await approval.textContent()).toMatch(/porchworks.*storage/s);
    await browser.screenshot(page, 'dashboard-skill-approve');
    await approval.getByRole('button', { name: 'Grant and install' }).click();
    // Installing verifies the signature, unpacks and starts the skill's sandbox process: seconds on a loaded machine.
    await page.getByTestId('skills').locator('tr[data-skill="porch-greeter"]').waitFor({ timeout: 90_000 });
    const skills = (await hub.api('GET', '/skills')).body as { id: string; builtin: boolean }[];
    expect(skills.find((s) => s.id === 'porch-greeter')).toMatchObject({ builtin: false });
    expect((await hub.api('POST', '/utterances', { text: 'say hello from porch greeter' })).body.skill).toBe(
      'porch-greeter',
    );
    await expectFitsPhone();
    await browser.screenshot(page, 'dashboard-skills');
  }, 120_000);

  it('shows settings: components, credentials, users and limits, at desktop width too', async () => {
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByTestId('components').getByRole('cell', { name: 'broker', exact: true }).waitFor();
    expect(await page.getByTestId('credentials').textContent()).toContain('kitchen-light');
    expect(await page.getByTestId('users').locator('tr[data-row="robin"] input').first().inputValue()).toBe('robin');
    await expectFitsPhone();
    await browser.screenshot(page, 'dashboard-settings');
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole('link', { name: 'Home' }).click();
    await card('kitchen-light').waitFor();
    await browser.screenshot(page, 'dashboard-home-desktop');
    // Optional routes this hub does not serve (the voice log) are allowed to 404; nothing else may fail.
    expect(consoleErrors.filter((e) => !/status of 40[14]/.test(e))).toEqual([]);
  });

  it('gives Robin a password in the settings, then logs out and in again as Robin', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByLabel('For').selectOption('robin');
    await page.getByLabel('New password').fill('robin-at-home');
    await page.getByRole('button', { name: 'Set password' }).click();
    await page.getByRole('status').filter({ hasText: 'Password set for robin' }).waitFor();

    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByLabel('User', { exact: true }).fill('robin');
    await page.getByLabel('Password', { exact: true }).fill('robin-at-hom');
    await page.getByRole('button', { name: 'Log in with password' }).click();
    await page.getByRole('alert').filter({ hasText: 'do not match' }).waitFor();
    await page.getByLabel('Password', { exact: true }).fill('robin-at-home');
    await page.getByLabel('Password', { exact: true }).press('Enter');
    await page.getByTestId('logged-in-as').filter({ hasText: 'Robin (adult)' }).waitFor();
    await page.getByTestId('connection').filter({ hasText: 'live' }).waitFor(); // the event stream takes the session token too
    const session = await page.evaluate<string | null>('sessionStorage.getItem("hearth.token")');
    expect(session).not.toBe(hub.token);
    expect((await apiCall(hub.runtime.http.url, session!, 'GET', '/session')).body).toMatchObject({
      kind: 'user',
      user: { id: 'robin' },
    });
    await browser.screenshot(page, 'dashboard-logged-in-as-user');
  });

  it('lists a quote made by voice as pending and confirms it there', async () => {
    await page.getByRole('link', { name: 'Orders' }).click();
    await page.getByRole('heading', { name: 'Waiting for confirmation' }).waitFor();
    expect(await page.getByTestId('pending-confirmation').count()).toBe(0);
    const asked = await hub.api('POST', '/utterances', { text: 'order more coffee', user: 'robin' });
    expect(asked.body.reply).toMatch(/Shall I order it\?/);
    const pending = page.getByTestId('pending-confirmation');
    await pending.filter({ hasText: 'asked by voice' }).waitFor();
    expect(await pending.textContent()).toMatch(/For robin/);
    await browser.screenshot(page, 'dashboard-voice-quote-pending');
    await pending.getByLabel('PIN').fill(PIN);
    await pending.getByRole('button', { name: 'Confirm order' }).click();
    await pending.waitFor({ state: 'detached' });
    const orders = (await hub.api('GET', '/commerce/orders')).body.orders as {
      id: string;
      userId: string;
      source: string;
    }[];
    expect(orders).toHaveLength(2);
    expect(orders.find((o) => o.source === 'voice')).toMatchObject({ userId: 'robin' });
    await page
      .getByTestId('orders')
      .locator(`tr[data-order="${orders.find((o) => o.source === 'voice')!.id}"]`)
      .waitFor();
  });

  it('lowers the per-order limit as Robin, names a wrong value, and refuses an order over the new limit', async () => {
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByLabel('Per order').fill('-1');
    await page.getByRole('button', { name: 'Save limits' }).click();
    await page.getByRole('alert').filter({ hasText: 'limits.perOrderCents' }).waitFor();
    await page.getByLabel('Per order').fill('10.00');
    await page.getByRole('button', { name: 'Save limits' }).click();
    await page.getByRole('status').filter({ hasText: 'Limits saved' }).waitFor();
    expect((await hub.api('GET', '/dashboard/settings')).body.commerce.limits.perOrderCents).toBe(1000);
    await browser.screenshot(page, 'dashboard-limits-edited');

    await page.getByRole('link', { name: 'Orders' }).click();
    await page.getByLabel('Product').selectOption('COF-POD-30');
    await page.getByLabel('Quantity').fill('2');
    await page.getByRole('button', { name: 'Get a quote' }).click();
    await page.getByRole('alert').filter({ hasText: 'over the limit of 10.00 EUR per order' }).waitFor();
    expect(await page.getByTestId('pending-confirmation').count()).toBe(0);
    await browser.screenshot(page, 'dashboard-order-over-limit');
    // One pack (8.99 EUR) is under the limit: quoted for Robin, who is logged in.
    await page.getByLabel('Quantity').fill('1');
    await page.getByRole('button', { name: 'Get a quote' }).click();
    await page.getByTestId('pending-confirmation').filter({ hasText: 'For robin' }).waitFor();
  });

  it("charts a device's history from the hub after a reload", async () => {
    await page.getByRole('link', { name: 'Home' }).click();
    await page.reload();
    await card('kitchen-light').waitFor();
    await card('kitchen-light').getByText('History').click();
    const chart = card('kitchen-light').getByTestId('history');
    await chart.waitFor();
    // Off at start, on after the toggle: both readings come from the hub, not from this fresh page.
    expect(Number(await chart.getAttribute('data-server-points'))).toBeGreaterThanOrEqual(2);
    const on = await chart.locator('svg[aria-label^="on:"]').getAttribute('aria-label');
    expect(Number(/(\d+) readings/.exec(on ?? '')?.[1])).toBeGreaterThanOrEqual(2);
    await browser.screenshot(page, 'dashboard-history-after-reload');
    expect(consoleErrors.filter((e) => !/status of 40[0134]/.test(e))).toEqual([]);
  });
});
