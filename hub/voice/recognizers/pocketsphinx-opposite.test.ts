/**
 * A "turn off" the first pass hears as "turn on" must not act (issue 19): en-us at 130 wpm says "turn off the kitchen
 * light" and pocketsphinx's best sentence is "turn on the kitchen light". The on/off check (opposite.ts, understand.ts)
 * acts only when the heard words lead their opposite reading (RecognitionResult.lead >= oppositeMargin, default 0), so
 * either the words heard are the words said or the opposite reading leads. Real espeak-ng speech, the real recogniser.
 * On main 1c1a83d the 130 wpm clip is heard "turn on …" and asked back by a lead of only -0.18 per frame; that lead
 * compares acoustic scores of separate searches, which pocketsphinx scales per search (BENCHMARKS.md, "a wider word
 * beam"), so this case guards the check against changes to flags, beams and scoring.
 */
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../core/logger.js';
import { HOUSEHOLD_JSGF, SpeechSynth } from '../../../test/harness/speech.js';
import { listenWithGrammar } from '../../../test/harness/speech-recognizer-hooks.js';
import { voiceConfigSchema } from '../config.js';
import { opposites } from '../opposite.js';
import { PocketsphinxRecognizer } from './pocketsphinx.js';

const config = voiceConfigSchema.parse({}).pocketsphinx;
const synth = new SpeechSynth();
const recognizer = new PocketsphinxRecognizer({ ...config, log: silentLogger });

listenWithGrammar(recognizer, synth, HOUSEHOLD_JSGF);

describe('a misheard on/off', () => {
  it.each([130, 150, 165])('en-us at %i wpm: "turn off the kitchen light" never reads as turn on', async (speed) => {
    const said = 'turn off the kitchen light';
    const session = recognizer.startUtterance({ source: 'api', standalone: true });
    session.feed((await synth.say(said, { voice: 'en-us', speed })).pcm);
    const heard = await session.end();
    const rivals = opposites(heard.text);
    const lead = rivals.length > 0 ? await heard.lead?.(rivals) : undefined;
    const actsOn = /^(turn on|toggle) /.test(heard.text) && (lead === undefined || lead.lead >= config.oppositeMargin!);
    expect(actsOn, `heard "${heard.text}", lead ${lead?.lead.toFixed(2)} over "${lead?.rival}"`).toBe(false);
  });
});
