/**
 * The command grammar beside the n-gram model (voice.pocketsphinx.commandModel) on the same talk that is no command
 * (test/harness/non-commands.ts, the voices and speeds of test/e2e/voice-safety) sent as WAV to POST /voice of a hub on
 * the tuned household (not a dry run: questions asked back are answered "no"): how many act, how many the recogniser turns away, the decode's CPU per second of audio
 * (recognizerMs / audioMs, the pipeline's own timings) and the hub's RSS once the model is loaded.
 *   npx tsx bench/voice-rejection/command-models.ts [--models grammar,ngram] [--limit N]
 */
import type { RunningHousehold } from '../../firmware-sim/index.js';
import { startTestHub, type TestHub } from '../../test/harness/hub.js';
import { runHouseholdOn } from '../../test/harness/household.js';
import { NON_COMMANDS } from '../../test/harness/non-commands.js';
import { SpeechSynth, synthesiseAll } from '../../test/harness/speech.js';
import { tunedHousehold } from '../../test/harness/tuned-household.js';
import { until } from '../../test/harness/until.js';
import { cliArg } from '../cli-arg.js';

const models = (cliArg('--models') ?? 'grammar,ngram').split(',') as Array<'grammar' | 'ngram'>;
const limit = Number(cliArg('--limit') ?? NON_COMMANDS.length);
const VOICES = ['en-us', 'en-gb', 'en-us+m3', 'en-gb-scotland', 'en-us+f2'];

interface Heard {
  transcript: string;
  reply: string;
  rejected?: boolean;
  actions: unknown[];
  timings: { recognizerMs: number; audioMs: number };
}

const synth = new SpeechSynth();
await synth.start();
const talk = NON_COMMANDS.slice(0, limit);
const clips = await synthesiseAll(
  synth,
  talk.map((text, i) => ({ text, voice: VOICES[i % VOICES.length]!, speed: 130 + ((i * 7) % 71) })),
  2,
);
const [no] = await synthesiseAll(synth, [{ text: 'no', voice: 'en-us', speed: 150 }], 1);

async function post(hub: TestHub, wav: Buffer): Promise<Heard> {
  const res = await fetch(`${hub.runtime.http.url}/api/v1/voice`, {
    method: 'POST',
    headers: { authorization: `Bearer ${hub.token}`, 'content-type': 'audio/wav' },
    body: wav,
  });
  return (await res.json()) as Heard;
}

for (const commandModel of models) {
  const hub = await startTestHub({
    config: { voice: { recognizer: 'pocketsphinx', tts: { enabled: false }, pocketsphinx: { commandModel } } },
  });
  let house: RunningHousehold | undefined;
  try {
    house = await runHouseholdOn(hub, tunedHousehold);
    await hub.hub.voice().refreshGrammar();
    await until(
      () => hub.hub.voice().loadedGrammar()?.jsgf?.includes('dehumidifier') === true,
      'the grammar with the household',
      120_000,
    );
    const rssLoaded = process.memoryUsage().rss;
    let acted = 0;
    let rejected = 0;
    let heardNothing = 0;
    let recognizerMs = 0;
    let audioMs = 0;
    const actedOn: string[] = [];
    for (const [i, clip] of clips.entries()) {
      const heard = await post(hub, clip.wav);
      if (heard.rejected) rejected++;
      else if (!heard.transcript) heardNothing++;
      if (heard.actions.length > 0) {
        acted++;
        actedOn.push(`  "${talk[i]}" -> "${heard.transcript}": ${heard.reply}`);
      }
      // A question asked back is answered "no", so nothing is left open for the next clip (as voice-safety does).
      if (heard.reply.endsWith('?')) await post(hub, no!.wav);
      recognizerMs += heard.timings.recognizerMs;
      audioMs += heard.timings.audioMs;
    }
    console.log(
      `${commandModel}: ${talk.length} things said that are no command: ${acted} would act, ${rejected} rejected by the fit, ${heardNothing} heard nothing; recogniser ${(recognizerMs / audioMs).toFixed(2)} s per s of audio; RSS ${(rssLoaded / 2 ** 20).toFixed(0)} MB with the model loaded (in-process hub)`,
    );
    if (actedOn.length) console.log(actedOn.join('\n'));
  } finally {
    await house?.stop();
    await hub.stop();
  }
}
await synth.stop();
process.exit(0);
