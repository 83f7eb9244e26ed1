/**
 * Push-to-talk from the dashboard: chromium's fake microphone plays a synthesised sentence, the page records
 * it with MediaRecorder, converts it to a 16 kHz WAV and posts it to /api/v1/voice; the hub's recogniser
 * understands it and the simulated light turns on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHousehold, SimulatedDevice } from '../../firmware-sim/index.js';
import { launchBrowser, type TestBrowser } from '../harness/browser.js';
import { startTestHub, type TestHub } from '../harness/hub.js';
import { SpeechSynth, type SynthesisedSpeech } from '../harness/speech.js';
import { runHouseholdOn } from '../harness/household.js';
import { tunedHousehold } from '../harness/tuned-household.js';

let hub: TestHub;
let sim: RunningHousehold;
let browser: TestBrowser;
let speech: SynthesisedSpeech;
const synth = new SpeechSynth();

beforeAll(async () => {
  await synth.start();
  speech = await synth.say('turn on the bedroom light', { silenceBeforeMs: 400, silenceAfterMs: 1200 });
  hub = await startTestHub({ config: { voice: { recognizer: 'pocketsphinx', requireWakePhrase: false } } });
  sim = await runHouseholdOn(hub, tunedHousehold);
  browser = await launchBrowser({
    // %noloop: the clip plays once from when the page opens the microphone, instead of looping.
    extraArgs: [
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-audio-capture=${speech.wavPath}%noloop`,
    ],
  });
});

afterAll(async () => {
  await browser?.close();
  await sim?.stop();
  await hub?.stop();
  await synth.stop();
});

describe('dashboard push-to-talk', () => {
  it('records from the microphone, sends a WAV, and the spoken command runs', async () => {
    const status = (await hub.api('GET', '/status')).body.components.recognizer;
    expect(status.status, `recogniser: ${status.detail}`).toBe('ok');
    const { page, consoleErrors } = await browser.newPage();
    await page.goto(hub.runtime.http.url);
    await page.getByLabel('API token').fill(hub.token);
    await page.getByRole('button', { name: 'Log in', exact: true }).click();
    await page.getByRole('link', { name: 'Voice' }).click();

    await page.getByRole('button', { name: 'Talk' }).click();
    await page.getByRole('button', { name: 'Stop and send' }).waitFor();
    const clipMs = speech.pcm.length / 2 / 16 + 300;
    await page.waitForTimeout(clipMs);
    await page.getByRole('button', { name: 'Stop and send' }).click();

    const result = page.getByTestId('utterance-result');
    await result.waitFor({ timeout: 15_000 });
    const text = await result.textContent();
    expect(text).toMatch(/heard “turn on the bedroom light”/);
    expect(text).toMatch(/HassTurnOn/);
    const light = sim.devices.get('bedroom-light') as SimulatedDevice;
    await expect.poll(() => light.state.on, { timeout: 30_000 }).toBe(true);
    await page.getByTestId('voice-log').getByText('turn on the bedroom light').first().waitFor();
    // The hub's voice log has this command's timings, so the latency chart has a point.
    await page.getByRole('img', { name: /spoken command, end to end/ }).waitFor();
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await browser.screenshot(page, 'dashboard-push-to-talk');
    expect(consoleErrors.filter((e) => !/status of 40[14]/.test(e))).toEqual([]);
  });
});
