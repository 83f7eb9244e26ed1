/**
 * Misheard speech must not act (issue 19), with the hub's default safety settings (the fit over free phones as the
 * rejection floor and the "Did you say …?" checks for unsure commands, locks, doors, cars, purchases and on/off): talk
 * that is no command — people chatting, a television, questions to someone else — acts on
 * (nearly) nothing; a lock, door, garage or car command acts only when it was heard as said (or as words the hub reads
 * as the same request), and "turn off" never turns something on (a spoken "toggle" is asked back). Real hub, pocketsphinx on its exported grammar, the firmware-sim household on the real broker,
 * espeak-ng speech in several voices and speeds sent as WAV to POST /voice.
 */
import { describe, expect, it } from 'vitest';
import { NON_COMMANDS } from '../harness/non-commands.js';
import { synthesiseAll } from '../harness/speech.js';
import { tunedHousehold } from '../harness/tuned-household.js';
import { speakTo, startVoiceHub, talkTo, type VoiceReply } from '../harness/hub-voice.js';
import { hubWithHouseholdForTests, synthForTests } from '../harness/hub-for-tests.js';

const VOICES = ['en-us', 'en-gb', 'en-us+m3', 'en-gb-scotland', 'en-us+f2'];
const synth = synthForTests();

type Heard = VoiceReply;
const post = (wav: Buffer): Promise<Heard> => speakTo(running.hub, wav);

/** Heard words that the hub reads as the same request as the words said ("lock the front door lock" names the door). */
function meansTheSame(heard: string, said: string): boolean {
  const read = (text: string) => {
    const r = running.hub.hub.language().understand(text, {}) as { intent?: { name: string }; targets?: string[] };
    return JSON.stringify([r.intent?.name ?? null, [...(r.targets ?? [])].sort()]);
  };
  return heard === said || read(heard) === read(said);
}

/** Answers any open question with "no", so nothing asked is left to act on the next clip. */
async function settle(heard: Heard, no: Buffer): Promise<void> {
  if (heard.reply.endsWith('?')) await post(no);
}

const running = hubWithHouseholdForTests(() => startVoiceHub(tunedHousehold, 'dehumidifier'), { timeoutMs: 300_000 });

describe('misheard speech does not act', () => {
  it('at most 2 of 100 things said that are no command act on anything', async () => {
    const clips = await synthesiseAll(
      synth,
      NON_COMMANDS.map((text, i) => ({ text, voice: VOICES[i % VOICES.length]!, speed: 130 + ((i * 7) % 71) })),
      2,
    );
    const [no] = await synthesiseAll(synth, [{ text: 'no', voice: 'en-us', speed: 150 }], 1);
    const { acted, rejected } = await talkTo(running.hub, clips, (heard) => settle(heard, no!.wav));
    expect(acted.length, `acted on:\n${acted.join('\n')}`).toBeLessThanOrEqual(2);
    // Not by luck of the grammar: most of it is turned away as no command at all.
    expect(rejected).toBeGreaterThan(50);
  }, 1_200_000);

  it('lock, door, garage and car commands act only when heard as said; "turn off" never turns on', async () => {
    const sentences = [
      'lock the front door',
      'unlock the front door',
      'open the garage door',
      'close the garage door',
      'lock the car',
      'unlock the car',
      'turn off the kitchen light',
      'turn off the hallway light',
    ];
    const cases = VOICES.flatMap((voice, v) =>
      sentences.map((text, i) => ({ text, voice, speed: 140 + (((v * 8 + i) * 13) % 61) })),
    );
    const clips = await synthesiseAll(synth, cases, 2);
    const [no] = await synthesiseAll(synth, [{ text: 'no', voice: 'en-us', speed: 150 }], 1);
    const wrong: string[] = [];
    let asked = 0;
    let done = 0;
    for (const [i, c] of cases.entries()) {
      const heard = await post(clips[i]!.wav);
      const commands = heard.actions.filter((a) => a.type === 'device_command');
      if (heard.reply.startsWith('Did you say')) asked++;
      if (commands.length > 0) done++;
      const turnedOn = commands.some((a) => a.command === 'turn_on');
      if (
        (commands.length > 0 && !/^turn off /.test(c.text) && !meansTheSame(heard.transcript, c.text)) ||
        (/^turn off /.test(c.text) && turnedOn)
      )
        wrong.push(`${c.voice}@${c.speed} "${c.text}" -> "${heard.transcript}": ${heard.reply}`);
      await settle(heard, no!.wav);
    }
    expect(wrong, wrong.join('\n')).toEqual([]);
    // The check is not vacuous: commands were heard and acted on or asked about.
    expect(done + asked).toBeGreaterThan(cases.length / 4);
  }, 1_200_000);
});
