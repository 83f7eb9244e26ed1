import { describe, expect, it } from 'vitest';
import { wavFileSource } from '../../hub/voice/audio/wav.js';
import { voiceConfigSchema } from '../../hub/voice/config.js';
import { HOUSEHOLD_JSGF, HOUSEHOLD_SENTENCES, SpeechSynth } from '../harness/speech.js';
import { listenWithGrammar } from '../harness/speech-recognizer-hooks.js';
import { transcriptPipeline } from '../harness/transcript-pipeline.js';
import { householdGrammarRecognizer } from '../harness/household-recognizer.js';

const config = voiceConfigSchema.parse({});
const synth = new SpeechSynth();
const recognizer = householdGrammarRecognizer(config.pocketsphinx);

/** Two voices × two speeds, spread over the household sentences (plus the wake phrase on some). */
const VOICES = [
  { voice: 'en-us', speed: 140 },
  { voice: 'en-gb', speed: 175 },
  { voice: 'en-us+m3', speed: 140 },
  { voice: 'en-us', speed: 180 },
];

listenWithGrammar(recognizer, synth, HOUSEHOLD_JSGF);

describe('speech to transcript: espeak-ng WAVs → VAD → pocketsphinx + JSGF', () => {
  it('recognises household commands in several voices and speeds', async () => {
    const pipeline = transcriptPipeline(recognizer, config);
    const cases = HOUSEHOLD_SENTENCES.slice(0, 16).map((sentence, i) => ({
      text: i % 3 === 0 ? `hey hearth ${sentence}` : sentence,
      ...VOICES[i % VOICES.length]!,
    }));
    const misses: string[] = [];
    const latencies: number[] = [];
    for (const c of cases) {
      const clip = await synth.say(c.text, { voice: c.voice, speed: c.speed, noise: 0.003 });
      const result = await pipeline.handleUtterance(wavFileSource(clip.wavPath));
      latencies.push(result.timings.sttMs);
      if (result.transcript !== c.text) misses.push(`${c.voice}@${c.speed} "${c.text}" → "${result.transcript}"`);
    }
    const accuracy = (cases.length - misses.length) / cases.length;
    console.log(
      `voice e2e: ${cases.length - misses.length}/${cases.length} exact transcripts (${(accuracy * 100).toFixed(1)} %), endpoint→transcript max ${Math.max(...latencies).toFixed(2)} ms`,
    );
    for (const miss of misses) console.log(`  miss: ${miss}`);
    // Measured 14-15/16. Known misses: the en-us+m3 voice's "unlock" decodes as "lock" (the grammar allows both),
    // and "dim the living room lights" sometimes comes back empty. A regression floor at 13/16.
    expect(accuracy).toBeGreaterThanOrEqual(0.8);
    // A ceiling, not a wait: 16 clips, each decoded and checked against a free-phone pass, on a loaded 2-core machine.
  }, 180_000);
});
