/**
 * The "must show" voice suite: commands synthesised with espeak-ng now (several voices and speeds),
 * sent as WAV files to POST /api/v1/voice and streamed in real time by a simulated satellite,
 * against one real hub (pocketsphinx, grammar from the live templates) and the firmware-sim household.
 * A command counts when the intent, its slots and the device's resulting state are all right. A command that opens
 * the house ("unlock the front door") is asked back ("Do you want me to …?"): it counts only when the question came
 * and a spoken "yes" in the same voice, sent the same way, got it done.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Intent } from '../../hub/sdk/intents.js';
import { SimulatedSatellite } from '../../firmware-sim/devices/satellite/satellite.js';
import type { RunningHousehold } from '../../firmware-sim/index.js';
import { startTestHub, type TestHub } from '../harness/hub.js';
import { SpeechSynth, synthesiseAll, type SynthesisedSpeech } from '../harness/speech.js';
import { HOUSEHOLD_VOICE_COMMANDS, type VoiceCommandCase } from '../harness/voice-commands.js';
import { runHouseholdOn } from '../harness/household.js';
import { tunedHousehold } from '../harness/tuned-household.js';

const API_VOICES = [
  { voice: 'en-us', speed: 150 },
  { voice: 'en-gb', speed: 175 },
  { voice: 'en-us+m3', speed: 140 },
];
const SATELLITE_VOICE = { voice: 'en-us', speed: 165 };
/** Streamed in real time, so a subset keeps the suite short. */
const SATELLITE_COMMANDS = HOUSEHOLD_VOICE_COMMANDS.filter((c) => c.device && !c.area).slice(0, 8);

let hub: TestHub;
let house: RunningHousehold;
let satellite: SimulatedSatellite;
const synth = new SpeechSynth();
let replyDir: string;
let apiClips: SynthesisedSpeech[] = [];
let satelliteClips: SynthesisedSpeech[] = [];
let yesClips: SynthesisedSpeech[] = [];
let pinClips: SynthesisedSpeech[] = [];
const apiCases = API_VOICES.flatMap((v) => HOUSEHOLD_VOICE_COMMANDS.map((c) => ({ ...c, ...v })));

async function waitForState(
  deviceId: string,
  expected: Record<string, unknown>,
  timeoutMs = 3000,
): Promise<Record<string, unknown>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = (await hub.api('GET', `/devices/${deviceId}`)).body.state as Record<string, unknown>;
    if (Object.entries(expected).every(([k, v]) => state[k] === v) || Date.now() > deadline) return state;
    await new Promise((r) => setTimeout(r, 50));
  }
}

function slotsMatch(intent: Intent | null | undefined, c: VoiceCommandCase): boolean {
  return intent?.name === c.intent && Object.entries(c.slots).every(([k, v]) => intent.slots[k] === v);
}

beforeAll(async () => {
  replyDir = mkdtempSync(join(tmpdir(), 'hearth-satellite-replies-'));
  await synth.start();
  // Synthesis runs while the hub and household come up.
  const clips = Promise.all([
    synthesiseAll(synth, apiCases, 2),
    synthesiseAll(
      synth,
      SATELLITE_COMMANDS.map((c) => ({ ...SATELLITE_VOICE, text: c.text })),
      1,
    ),
    synthesiseAll(
      synth,
      API_VOICES.map((v) => ({ ...v, text: 'yes' })),
      1,
    ),
    synthesiseAll(
      synth,
      API_VOICES.map((v) => ({ ...v, text: 'four three two one' })),
      1,
    ),
  ]);
  hub = await startTestHub();
  house = await runHouseholdOn(hub, tunedHousehold);
  await hub.api('POST', '/devices', {
    id: 'hall-satellite',
    name: 'hall satellite',
    area: 'hallway',
    type: 'sensor',
    capabilities: [],
  });
  const credential = (await hub.api('POST', '/devices/hall-satellite/credentials', {})).body;
  satellite = new SimulatedSatellite({
    id: 'hall-satellite',
    url: hub.runtime.mqtt.url,
    username: credential.username,
    password: credential.password,
    reconnectPeriodMs: 0,
    replyDir,
  });
  await satellite.start();
  await hub.hub.voice().refreshGrammar(); // the registry changed just now; do not wait for the debounce
  [apiClips, satelliteClips, yesClips, pinClips] = await clips;
}, 300_000);

afterAll(async () => {
  await satellite?.stop();
  await house?.stop();
  await hub?.stop();
  await synth.stop();
  rmSync(replyDir, { recursive: true, force: true });
});

describe('voice end to end against the firmware-sim household', () => {
  it('/status names the live recogniser', async () => {
    const status = (await hub.api('GET', '/status')).body;
    expect(status.components.recognizer).toMatchObject({
      status: 'ok',
      detail: expect.stringContaining('pocketsphinx'),
    });
  });

  it('spoken commands (WAV over HTTP and a real-time satellite) get the right intent, slots and device state: at least 95 % (issue 4)', async () => {
    const misses: string[] = [];
    let right = 0;
    let total = 0;
    const postWav = async (wav: Buffer, area?: string, dryRun = false) => {
      const query = new URLSearchParams({
        ...(area ? { area } : {}),
        ...(dryRun ? { dryRun: 'true' } : {}),
      }).toString();
      const res = await fetch(`${hub.runtime.http.url}/api/v1/voice${query ? `?${query}` : ''}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${hub.token}`, 'content-type': 'audio/wav' },
        body: wav,
      });
      return {
        status: res.status,
        body: (await res.json()) as { transcript: string; intent: Intent | null; reply: string; actions: unknown[] },
      };
    };
    const confirmations: string[] = [];
    for (const [i, c] of apiCases.entries()) {
      const first = await postWav(apiClips[i]!.wav, c.area);
      let { body } = first;
      const yesClip = yesClips[API_VOICES.findIndex((v) => v.voice === c.voice)]!.wav;
      // Questions the hub may ask first, each answered with a spoken "yes" in the same voice: "Did you say …?" (a lock
      // or door command it was not sure it heard) and "Do you want me to unlock …?" (always, for unlocking).
      const asked: string[] = [];
      for (let turn = 0; turn < 2 && /^(Did you say .+|Do you want me to .+)\?$/.test(body.reply); turn++) {
        const question = body.reply;
        body = (await postWav(yesClip, c.area)).body;
        asked.push(`"${question}" → "yes" heard as "${body.transcript}" → ${body.reply}`);
      }
      // Only a question that was asked gets a yes: "unlock" heard as "lock" locks at once and is a miss.
      const confirmed =
        !c.confirm || (asked.some((a) => a.startsWith('"Do you want me to')) && /^Unlocked /.test(body.reply));
      if (c.confirm || asked.length)
        confirmations.push(
          `${c.voice}@${c.speed} "${c.text}": ${asked.length ? asked.join('; ') : `not asked (reply: ${body.reply})`}`,
        );
      const state = c.device ? await waitForState(c.device.id, c.device.state) : {};
      const ok =
        first.status === 200 &&
        confirmed &&
        slotsMatch(body.intent, c) &&
        (!c.device || Object.entries(c.device.state).every(([k, v]) => state[k] === v));
      total++;
      if (ok) right++;
      else
        misses.push(
          `api ${c.voice}@${c.speed} "${c.text}" → "${first.body.transcript}" ${JSON.stringify(body.intent)}`,
        );
    }

    // With no question open, "yes" is no command: the command grammar has no yes/no (issue 19), so nothing says yes to anything.
    const yesAlone: string[] = [];
    for (const [i, v] of API_VOICES.entries()) {
      const alone = await postWav(yesClips[i]!.wav, undefined, true);
      if (alone.body.intent?.name === 'HassYes' || alone.body.transcript === 'yes')
        yesAlone.push(`${v.voice}@${v.speed}: "${alone.body.transcript}"`);
    }
    expect(yesAlone).toEqual([]);
    // Nor are PIN digits said with no question open: never heard as digits, never a PIN.
    for (const [i, v] of API_VOICES.entries()) {
      const digits = await postWav(pinClips[i]!.wav);
      expect(digits.status, `${v.voice}@${v.speed}`).toBe(200);
      expect(digits.body.intent?.name, `${v.voice}@${v.speed} heard "${digits.body.transcript}"`).not.toBe(
        'PurchasePin',
      );
      expect(digits.body.transcript).not.toMatch(/^((zero|oh|one|two|three|four|five|six|seven|eight|nine) ?){4,}$/);
    }

    const handled: Intent[] = [];
    const off = hub.hub.events.on('utteranceHandled', (e) => void (e.intent && handled.push(e.intent)));
    for (const [i, c] of SATELLITE_COMMANDS.entries()) {
      const before = handled.length;
      await satellite.streamWav(satelliteClips[i]!.wav);
      const reply = await satellite.nextReply(10_000).catch(() => undefined);
      const state = await waitForState(c.device!.id, c.device!.state);
      const intent = handled[before];
      const ok =
        reply !== undefined &&
        slotsMatch(intent, c) &&
        Object.entries(c.device!.state).every(([k, v]) => state[k] === v);
      total++;
      if (ok) right++;
      else
        misses.push(
          `satellite "${c.text}" → ${JSON.stringify(intent)} reply=${reply ? `${reply.wav.length} bytes` : 'none'}`,
        );
    }
    off();

    const accuracy = right / total;
    console.log(
      `voice household e2e: ${right}/${total} right (${(accuracy * 100).toFixed(1)} %): ${apiCases.length} WAVs over HTTP, ${SATELLITE_COMMANDS.length} streamed by a satellite`,
    );
    for (const miss of misses) console.log(`  miss: ${miss}`);
    for (const line of confirmations) console.log(`  confirmation: ${line}`);
    // Every "unlock" the hub heard as "unlock" was asked back, and a spoken "yes" (decoded with the question's grammar) is heard as "yes".
    expect(
      confirmations
        .filter((l) => l.includes(' → "yes" heard as '))
        .every((l) => l.split('; ').every((a) => a.includes('"yes" heard as "yes"'))),
    ).toBe(true);
    expect(total).toBeGreaterThanOrEqual(60);
    // Issue 4's bar: at most 3 misses in 68. The hub runs its default config: the cepstral mean adapted per source from
    // the model's (nothing fitted to espeak). Measured 65/68 (95.6 %) in three runs (BENCHMARKS.md, Voice); the 3 left are
    // acoustic: espeak's en-gb "eighteen" and "unlock" → "lock" (en-gb, en-us+m3).
    expect(accuracy).toBeGreaterThanOrEqual(0.95);
    expect(satellite.heard().length).toBeGreaterThanOrEqual(SATELLITE_COMMANDS.length - 1);
  }, 600_000);

  it('logs what was heard, and deletes it on request', async () => {
    const log = (await hub.api('GET', '/voice/log?limit=5')).body as {
      id: number;
      transcript: string;
      source: string;
    }[];
    expect(log.length).toBe(5);
    expect(log[0]!.source).toBe('satellite:hall-satellite');
    expect((await hub.api('DELETE', `/voice/log/${log[0]!.id}`)).status).toBe(204);
    expect((await hub.api('DELETE', `/voice/log/${log[0]!.id}`)).status).toBe(404);
  });
});
