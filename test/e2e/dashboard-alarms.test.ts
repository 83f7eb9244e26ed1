/**
 * The alarms page in Debian's chromium against a real hub (on a clock the test moves) with a firmware-sim satellite:
 * an alarm set by a typed command is listed, edited to another time and days, switched off and deleted; one added on
 * the page is in the hub; a timer counts down; a ring shows up and its Stop button silences the satellite; an
 * announcement typed on the page is spoken by the satellite. Screenshots: test-artifacts/dashboard-alarms-*.png.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SimulatedSatellite } from '../../firmware-sim/devices/satellite/satellite.js';
import { launchBrowser, type TestBrowser } from '../harness/browser.js';
import { startTestHub, type TestHub } from '../harness/hub.js';
import { JumpClock } from '../harness/jump-clock.js';
import { until } from '../harness/until.js';

let hub: TestHub;
let browser: TestBrowser;
let page: Page;
let consoleErrors: string[];
let satellite: SimulatedSatellite;
const clock = new JumpClock(new Date(2026, 2, 2, 6, 0).getTime());
const say = (text: string) => hub.api('POST', '/utterances', { text, area: 'bedroom' });

beforeAll(async () => {
  hub = await startTestHub({ clock, config: { voice: { recognizer: 'text' } } });
  await hub.api('POST', '/areas', { id: 'bedroom', name: 'Bedroom' });
  await hub.api('POST', '/devices', {
    id: 'bedroom-sat',
    name: 'bedroom satellite',
    area: 'bedroom',
    type: 'sensor',
    capabilities: [],
  });
  const credential = (await hub.api('POST', '/devices/bedroom-sat/credentials', {})).body;
  satellite = new SimulatedSatellite({
    id: 'bedroom-sat',
    url: hub.runtime.mqtt.url,
    username: credential.username,
    password: credential.password,
    reconnectPeriodMs: 0,
  });
  await satellite.start();
  await until(async () => (await hub.api('GET', '/satellites')).body.length === 1, 'the satellite');
  browser = await launchBrowser();
  ({ page, consoleErrors } = await browser.newPage());
  await page.goto(hub.runtime.http.url);
  await page.getByLabel('API token').fill(hub.token);
  await page.getByLabel('API token').press('Enter');
  await page.getByTestId('connection').filter({ hasText: 'live' }).waitFor();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await satellite?.stop();
  await hub?.stop();
});

describe('the alarms page', () => {
  it('lists an alarm set by a command, edits its time and days, switches it off and deletes it', async () => {
    expect((await say('wake me up at 6:30 on weekdays')).body.reply).toBe('Alarm set for every weekday at 6:30.');
    await page.goto(`${hub.runtime.http.url}/#/alarms`);
    const row = page.locator('[data-alarm]');
    await row.filter({ hasText: 'every weekday at 6:30' }).waitFor();
    await browser.screenshot(page, 'dashboard-alarms');

    await row.getByRole('button', { name: /^Edit/ }).click();
    await row.getByLabel('Time').fill('07:15');
    await row.getByLabel('Sat').check();
    await row.getByLabel('Sun').check();
    await row.getByRole('button', { name: 'Save' }).click();
    await row.filter({ hasText: 'every day at 7:15' }).waitFor();
    const [alarm] = (await hub.api('GET', '/alarms')).body;
    expect(alarm).toMatchObject({ time: { hour: 7, minute: 15 }, days: [0, 1, 2, 3, 4, 5, 6], enabled: true });

    await row.getByRole('checkbox', { name: /on$/ }).uncheck();
    await until(
      async () => (await hub.api('GET', `/alarms/${alarm.id}`)).body.enabled === false,
      'the alarm switched off',
    );
    await row.getByRole('button', { name: /^Delete/ }).click();
    await page.getByText('No alarm or reminder is set.').waitFor();
    expect((await hub.api('GET', '/alarms')).body).toEqual([]);
  });

  it('adds a reminder from the page', async () => {
    const form = page.getByRole('form', { name: 'New alarm or reminder' });
    await form.getByLabel('Kind').selectOption('reminder');
    await form.getByLabel('Time').fill('18:00');
    await form.getByLabel('Message').fill('water the plants');
    await form.getByLabel('Room').selectOption('bedroom');
    await form.getByRole('button', { name: 'Add' }).click();
    await page.locator('[data-alarm]').filter({ hasText: 'water the plants' }).waitFor();
    expect((await hub.api('GET', '/alarms')).body).toEqual([
      expect.objectContaining({
        kind: 'reminder',
        message: 'water the plants',
        area: 'bedroom',
        time: { hour: 18, minute: 0 },
        days: [],
      }),
    ]);
  });

  it('counts a timer down, shows it ringing, and Stop silences the satellite', async () => {
    expect((await say('set a timer for 2 minutes')).body.reply).toBe('Timer set for 2 minutes.');
    const left = page.locator('[data-timer]').getByTestId('time-left');
    await left.waitFor();
    // Any value under two minutes: a loaded machine may render it seconds late.
    expect(await left.textContent()).toMatch(/^(2:00|1:[0-5]\d)$/);
    // The first render can come before the countdown's first tick, so wait for the ticked value itself.
    await until(
      async () => /^1:[0-5]\d$/.test((await left.textContent()) ?? ''),
      'the timer to count down below 2:00',
      30_000,
    );

    clock.advance(2 * 60_000);
    await page.getByTestId('ringing').getByText('Your timer is done.').waitFor();
    await until(() => satellite.isSounding(), 'the timer ringing on the satellite');
    await browser.screenshot(page, 'dashboard-alarms-ringing');
    await page.getByTestId('ringing').getByRole('button', { name: 'Stop' }).click();
    await page.getByText('Nothing is ringing.').waitFor();
    await until(() => !satellite.isSounding(), 'the satellite told to stop');
  });

  it('announces a typed message on the satellites', async () => {
    const before = satellite.heard().length;
    const form = page.getByRole('form', { name: 'Announcement' });
    await form.getByLabel('Say').fill('Breakfast is ready');
    await form.getByRole('button', { name: 'Announce' }).click();
    await page.getByTestId('announced').filter({ hasText: 'bedroom-sat' }).waitFor();
    await until(() => satellite.heard().length > before, 'the announcement on the satellite');
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    expect(consoleErrors).toEqual([]);
  });
});
