/**
 * What can be said depends on the open question (issue 19), in a running hub: "which one?" is answered by a name
 * or "the desk one", decoded with that question's small grammar, and the right device gets the command; the same
 * answer said with no question open does nothing. Real hub, pocketsphinx on its exported grammar, espeak-ng speech
 * sent to POST /voice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runHousehold, type RunningHousehold } from '../../firmware-sim/index.js';
import { startTestHub, type TestHub } from '../harness/hub.js';
import { SpeechSynth } from '../harness/speech.js';
import { grammarWith, speakTo, type VoiceReply } from '../harness/hub-voice.js';
import { until } from '../harness/until.js';

const synth = new SpeechSynth();
let hub: TestHub;
let house: RunningHousehold;

type Heard = VoiceReply;

beforeAll(async () => {
  await synth.start();
  hub = await startTestHub({ config: { voice: { recognizer: 'pocketsphinx', tts: { enabled: false } } } });
  // Two simulated lamps on the real broker, both answering to "lamp".
  house = await runHousehold({
    hubUrl: hub.runtime.http.url,
    token: hub.token,
    print: () => {},
    definition: {
      floors: [{ id: 'ground', name: 'ground floor', aliases: [] }],
      areas: [
        { id: 'office', name: 'office', aliases: [], floor: 'ground' },
        { id: 'living-room', name: 'living room', aliases: [], floor: 'ground' },
      ],
      devices: [
        { id: 'desk-lamp', name: 'desk lamp', aliases: ['lamp'], area: 'office', kind: 'light' },
        { id: 'floor-lamp', name: 'floor lamp', aliases: ['lamp'], area: 'living-room', kind: 'light' },
      ],
    },
  });
  await hub.hub.voice().refreshGrammar();
  await grammarWith(hub, 'floor', 'the grammar with the lamps', 60_000);
}, 120_000);
afterAll(async () => {
  await house?.stop();
  await hub?.stop();
  await synth.stop();
});

async function say(text: string, voice = 'en-us', speed = 150): Promise<Heard> {
  const clip = await synth.say(text, { voice, speed });
  return speakTo(hub, clip.wav);
}

const commanded = (heard: Heard) =>
  heard.actions.filter((a) => a.type === 'device_command').map((a) => `${a.command} ${a.deviceId}`);
const isOn = async (id: string) => ((await hub.api('GET', `/devices/${id}`)).body.state as { on?: boolean }).on;

describe('"which one?" answers, only while the question is open', () => {
  it('a name answers "which one?" and that device gets the command', async () => {
    const asked = await say('turn on the lamp');
    expect(asked.reply).toMatch(/^Which one: the (desk|floor) lamp or the (desk|floor) lamp\?$/);
    expect(commanded(asked)).toEqual([]);
    const answer = await say('the floor lamp');
    expect(answer.transcript).toBe('the floor lamp');
    expect(commanded(answer)).toEqual(['turn_on floor-lamp']);
    await until(async () => (await isOn('floor-lamp')) === true, 'the floor lamp on');
    expect(await isOn('desk-lamp')).not.toBe(true);
  });

  it('"the desk one" picks the desk lamp, in another voice', async () => {
    const asked = await say('turn on the lamp', 'en-us+m3', 140);
    expect(asked.reply).toMatch(/^Which one: /);
    const answer = await say('the desk one', 'en-us+m3', 140);
    expect(answer.transcript).toBe('the desk one');
    expect(commanded(answer)).toEqual(['turn_on desk-lamp']);
    await until(async () => (await isOn('desk-lamp')) === true, 'the desk lamp on');
  });

  it('with no question open, the same answer is not heard as one', async () => {
    const alone = await say('the desk one');
    expect(alone.transcript).not.toBe('the desk one');
  });
});
