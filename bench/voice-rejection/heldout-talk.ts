/**
 * The held-out non-commands (test/harness/non-commands-heldout.ts, written by heldout, never tuned on) sent as WAV to
 * POST /voice of a hub with the tuned household, as test/e2e/voice-safety sends the tuning set: how many act on
 * anything, and how many are turned away. A measurement for #19's bar (≤ 2 of 100 act), not a test: the floors are
 * tuned on the other set. Open questions are answered "no" so nothing asked is left to act on the next clip.
 *   npx tsx bench/voice-rejection/heldout-talk.ts
 */
import { NON_COMMANDS_HELDOUT } from '../../test/harness/non-commands-heldout.js';
import { SpeechSynth, synthesiseAll } from '../../test/harness/speech.js';
import { speakTo, startVoiceHub, talkTo } from '../../test/harness/hub-voice.js';
import { tunedHousehold } from '../../test/harness/tuned-household.js';

const VOICES = ['en-us', 'en-gb', 'en-us+m3', 'en-gb-scotland', 'en-us+f2'];
const synth = new SpeechSynth();
await synth.start();
const clips = await synthesiseAll(
  synth,
  NON_COMMANDS_HELDOUT.map((text, i) => ({ text, voice: VOICES[i % VOICES.length]!, speed: 130 + ((i * 7) % 71) })),
  2,
);
const [no] = await synthesiseAll(synth, [{ text: 'no', voice: 'en-us', speed: 150 }], 1);
const running = await startVoiceHub(tunedHousehold, 'dehumidifier');
try {
  const { acted, rejected } = await talkTo(running.hub, clips, async (heard) => {
    if (heard.reply.endsWith('?')) await speakTo(running.hub, no!.wav);
  });
  console.log(`held-out non-commands: ${acted.length}/100 acted, ${rejected} turned away`);
  for (const line of acted) console.log(`  ${line}`);
} finally {
  await running.household.stop();
  await running.hub.stop();
  await synth.stop();
}
