/**
 * "Mute your voice": the assistant's replies are not spoken where it was asked, until the time said or "you can talk
 * again", while what it does goes on; questions and what guards the house are still said, and other rooms hear it
 * as before. The mute and unmute are typed (they are not in the spoken grammar); the commands after them are spoken.
 * Real hub, pocketsphinx on its exported grammar, espeak-ng speech, the firmware-sim household on the real
 * broker; the text-to-speech at the edge is a Wyoming stand-in that prints every text it is asked to say.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VoiceResult } from '../../hub/voice/pipeline.js';
import { startHubWithHousehold } from '../harness/household.js';
import { hubWithHouseholdForTests, synthForTests } from '../harness/hub-for-tests.js';
import { tunedHousehold } from '../harness/tuned-household.js';
import { until } from '../harness/until.js';
import { startPyServer, type PyServer } from '../harness/wyoming-py.js';

const synth = synthForTests();
let tts: PyServer;

/** The texts the stand-in text-to-speech was asked to say so far. */
const said = (): string[] => tts.lines().flatMap((l) => (l.synthesize ? [String(l.synthesize.text)] : []));

/** Speaks `text` (espeak-ng) to the hub as heard in `area`; returns the result and what the TTS was asked to say. */
async function speak(text: string, area: string): Promise<{ result: VoiceResult; spoken: string[] }> {
  const before = said().length;
  const { wav } = await synth.say(text, { voice: 'en-us', speed: 150 });
  const result = await running.hub.hub.voice().handleWav(wav, { area });
  if (result.replyAudio) await tts.waitFor((l) => l.synthesize?.text === result.reply);
  return { result, spoken: said().slice(before) };
}

async function lightOn(id: string): Promise<boolean> {
  return (await running.hub.api('GET', `/devices/${id}`)).body.state.on === true;
}

beforeAll(async () => {
  tts = await startPyServer('tts_server.py', ['--tone-hz', '440']);
});
afterAll(() => tts?.stop());

const running = hubWithHouseholdForTests(
  () =>
    startHubWithHousehold(tunedHousehold, {
      config: { voice: { recognizer: 'pocketsphinx', tts: { wyoming: tts.uri, wyomingVoice: 'standin-voice' } } },
    }),
  { timeoutMs: 300_000 },
);
beforeAll(async () => {
  await running.hub.hub.voice().refreshGrammar();
  await until(
    async () => (await running.hub.api('GET', '/status')).body.components['wyoming-tts']?.status === 'ok',
    'the stand-in TTS to answer',
  );
}, 300_000);

describe('the assistant keeps its replies to itself where asked', () => {
  it('muted in the kitchen: it acts without a word there, still speaks elsewhere, and talks again when unmuted', async () => {
    // Typed: the mute is kept out of the spoken grammar (its sentences pulled talk into commands, voice-safety).
    const mute = await running.hub.api('POST', '/utterances', { text: 'mute your voice', area: 'kitchen' });
    expect(mute.body.intent?.name).toBe('HearthAssistantMute');
    expect(mute.body.actions).toEqual([{ type: 'replies_muted' }]);

    const lightInKitchen = await speak('turn on the kitchen light', 'kitchen');
    expect(lightInKitchen.result.intent?.name).toBe('HassTurnOn');
    await until(() => lightOn('kitchen-light'), 'the kitchen light to turn on');
    expect(lightInKitchen.result.reply).not.toBe('');
    expect(lightInKitchen.result.muted).toBe(true);
    expect(lightInKitchen.spoken).toEqual([]);
    expect(lightInKitchen.result.replyAudio).toBeUndefined();

    const fromBedroom = await speak('turn on the bedroom light', 'bedroom');
    await until(() => lightOn('bedroom-light'), 'the bedroom light to turn on');
    expect(fromBedroom.spoken).toEqual([fromBedroom.result.reply]);
    expect(fromBedroom.result.muted).toBeUndefined();

    const unmute = await running.hub.api('POST', '/utterances', { text: 'you can talk again', area: 'kitchen' });
    expect(unmute.body.intent?.name).toBe('HearthAssistantUnmute');
    const after = await speak('what time is it', 'kitchen');
    expect(after.result.intent?.name).toBe('HassGetCurrentTime');
    expect(after.spoken).toEqual([after.result.reply]);
  }, 120_000);

  it('typed "be quiet for an hour" mutes the voice of that room for an hour; a lock is still answered out loud', async () => {
    const typed = await running.hub.api('POST', '/utterances', {
      text: 'please be quiet for an hour',
      area: 'hallway',
    });
    expect(typed.body.intent).toEqual({ name: 'HearthAssistantMute', slots: { hours: 1 } });
    const [action] = typed.body.actions as { type: string; until: number }[];
    expect(action!.type).toBe('replies_muted');
    expect(Math.abs(action!.until - (Date.now() + 3_600_000))).toBeLessThan(60_000);

    const light = await speak('turn on the hallway light', 'hallway');
    await until(() => lightOn('hallway-light'), 'the hallway light to turn on');
    expect(light.result.muted).toBe(true);
    expect(light.spoken).toEqual([]);

    const lock = await speak('lock the front door', 'hallway');
    expect(lock.result.reply).toMatch(/front door/i);
    expect(lock.spoken).toEqual([lock.result.reply]);
  }, 120_000);
});
