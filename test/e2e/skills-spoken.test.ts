/**
 * A skill installed at run time can be spoken to: scaffold → pack → sign → install through the API of a hub running
 * pocketsphinx; once its grammar has the skill's sentences, espeak-ng speech (two voices) POSTed to /api/v1/voice
 * reaches the skill and its reply comes back.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPublisher, signedSkill, type SignedSkillBody } from '../../hub/skills/testing/signed-skill.js';
import { jsgfWords } from '../../hub/voice/recognizers/types.js';
import { startTestHub, type TestHub } from '../harness/hub.js';
import { SpeechSynth } from '../harness/speech.js';
import { speakTo, type VoiceReply } from '../harness/hub-voice.js';

let hub: TestHub;
let dir: string;
let skill: SignedSkillBody;
const synth = new SpeechSynth();

// The scaffold's sentences for id "penguin-castle": "(say hello|greet me) from penguin castle", "penguin castle hello".
const SKILL_ID = 'penguin-castle';
const CLIPS = [
  { text: 'greet me from penguin castle', voice: 'en-us', speed: 150 },
  // en-gb at 165 wpm decoded to nothing once the grammar also carried the shopping, media and product words (BENCHMARKS.md, voice).
  { text: 'say hello from penguin castle', voice: 'en-gb', speed: 150 },
];

const speak = (wav: Buffer): Promise<VoiceReply> => speakTo(hub, wav);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hearth-skill-spoken-'));
  const publisher = createTestPublisher(dir);
  await synth.start();
  hub = await startTestHub({
    config: {
      voice: { recognizer: 'pocketsphinx' },
      skills: { trustedPublishers: [{ id: publisher.id, publicKey: publisher.publicKey }] },
    },
  });
  skill = signedSkill(dir, SKILL_ID, publisher);
});
afterAll(async () => {
  await hub?.stop();
  await synth.stop();
  rmSync(dir, { recursive: true, force: true });
  if (hub) rmSync(hub.dataDir, { recursive: true, force: true });
});

describe('speaking to a skill installed at run time', () => {
  // Without the refresh the sentence is outside the grammar, so this is what the next test would hear.
  it('is not heard before the skill is installed', async () => {
    const clip = await synth.say(CLIPS[0]!.text, { voice: CLIPS[0]!.voice, speed: CLIPS[0]!.speed, noise: 0.003 });
    const result = await speak(clip.wav);
    console.log(
      `before install: "${CLIPS[0]!.text}" heard as "${result.transcript}" (${result.intent?.name ?? 'no intent'})`,
    );
    expect(result.transcript).not.toBe(CLIPS[0]!.text);
    expect(result.intent?.name).not.toBe('PenguinCastleHello');
  });

  it('recognises its sentences in two voices once installed, and the skill replies', async () => {
    const grammarLoaded = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error("no grammar with the skill's words within 15 s of installing it")),
        15_000,
      );
      const off = hub.hub.events.on('grammarChanged', () => {
        const jsgf = hub.hub.voice().loadedGrammar()?.jsgf ?? '';
        if (!jsgfWords(jsgf).includes('penguin')) return;
        off();
        clearTimeout(timer);
        resolve();
      });
    });
    const installed = await hub.api('POST', '/skills', skill);
    expect(installed.status, JSON.stringify(installed.body)).toBe(201);
    await grammarLoaded;

    const replies: string[] = [];
    for (const c of CLIPS) {
      const clip = await synth.say(c.text, { voice: c.voice, speed: c.speed, noise: 0.003 });
      const result = await speak(clip.wav);
      expect(result.transcript, `${c.voice}@${c.speed}`).toBe(c.text);
      expect(result.intent?.name).toBe('PenguinCastleHello');
      replies.push(result.reply);
    }
    expect(replies).toEqual([
      'Hello from penguin castle! That makes 1 greeting.',
      'Hello from penguin castle! That makes 2 greetings.',
    ]);
  });
});
