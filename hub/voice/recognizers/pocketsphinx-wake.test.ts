import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../core/logger.js';
import { HOUSEHOLD_JSGF, SpeechSynth } from '../../../test/harness/speech.js';
import { grammarWithWakePhrase } from '../listening.js';
import { voiceConfigSchema } from '../config.js';
import { PocketsphinxRecognizer } from './pocketsphinx.js';
import {
  audioFrom,
  audioUntil,
  keyphraseLines,
  loneTailTooLong,
  phraseHolds,
  withoutPostvocalicR,
} from './pocketsphinx-wake.js';
import type { RecognitionResult } from './types.js';

const config = voiceConfigSchema.parse({ pocketsphinx: { wake: {} } }).pocketsphinx;
const synth = new SpeechSynth();
let recognizer: PocketsphinxRecognizer;

beforeAll(async () => {
  recognizer = new PocketsphinxRecognizer({ ...config, log: silentLogger });
  await Promise.all([synth.start(), recognizer.start()]);
  await recognizer.setGrammar({ jsgf: grammarWithWakePhrase(HOUSEHOLD_JSGF, 'hey hearth') });
  await recognizer.setWakePhrase('Hey Hearth');
});
afterAll(async () => {
  await recognizer.stop();
  await synth.stop();
});

async function hear(
  pcm: Buffer,
  spotWake: boolean,
  source = 'satellite:test',
  by = recognizer,
): Promise<RecognitionResult> {
  const session = by.startUtterance({ source, spotWake });
  for (let i = 0; i < pcm.length; i += 640) session.feed(pcm.subarray(i, i + 640));
  return session.end();
}

describe('the wake phrase spotter', () => {
  it('spots the phrase in voices that say "hearth" with and without the r, and decodes the command after it', async () => {
    for (const voice of ['en-us', 'en-gb', 'en-us+m3']) {
      const clip = await synth.say('hey hearth turn on the kitchen light', { voice, speed: 160, silenceBeforeMs: 600 });
      const heard = await hear(clip.pcm, true, `satellite:${voice}`);
      expect(heard, voice).toMatchObject({ woken: true, text: 'hey hearth turn on the kitchen light' });
    }
  });

  it('the phrase alone is a wake with no command', async () => {
    const clip = await synth.say('hey hearth', { voice: 'en-us', speed: 160, silenceBeforeMs: 600 });
    expect(await hear(clip.pcm, true)).toMatchObject({ woken: true, text: 'hey hearth' });
  });

  it('a command said without the phrase is dropped undecoded when the phrase is awaited, and heard when it is not', async () => {
    const clip = await synth.say('turn on the kitchen light', { voice: 'en-us', speed: 160, silenceBeforeMs: 600 });
    expect(await hear(clip.pcm, true)).toMatchObject({ woken: false, text: '' });
    const heard = await hear(clip.pcm, false);
    expect(heard.woken).toBeUndefined();
    expect(heard.text).toMatch(/^turn on the kitchen lights?$/);
  });

  it('the phrase must open the utterance: said after a few seconds of talk it does not wake', async () => {
    const clip = await synth.say(
      'we should paint the fence before the winter comes, hey hearth turn on the kitchen light',
      {
        voice: 'en-us',
        speed: 160,
        silenceBeforeMs: 600,
      },
    );
    expect(await hear(clip.pcm, true)).toMatchObject({ woken: false });
  });

  it('talk that opens with a sound-alike of the phrase is spotted, but the phrase checked on its own does not fit it', async () => {
    const unchecked = new PocketsphinxRecognizer({
      ...config,
      wake: { ...config.wake!, minPhraseFit: null, minPhraseWordFit: null, minPhraseCoverage: 0 },
      log: silentLogger,
    });
    await unchecked.start();
    try {
      await unchecked.setGrammar({ jsgf: grammarWithWakePhrase(HOUSEHOLD_JSGF, 'hey hearth') });
      await unchecked.setWakePhrase('hey hearth');
      const clip = await synth.say('her hearth is warm', { voice: 'en-029', speed: 170, silenceBeforeMs: 300 });
      // Spotted by the keyword search alone (so this test can fail)...
      expect(await hear(clip.pcm, true, 'satellite:unchecked', unchecked)).toMatchObject({ woken: true });
      // ...and not woken once the phrase is checked.
      const heard = await hear(clip.pcm, true, 'satellite:checked');
      expect(heard.woken).toBe(false);
      expect(heard.phraseFit!.fit).toBeLessThan(config.wake!.minPhraseFit!);
    } finally {
      await unchecked.stop();
    }
  });

  it('a wake phrase the dictionary does not know is refused with a clear error', async () => {
    const other = new PocketsphinxRecognizer({
      ...config,
      wake: { threshold: 1e-40, withinMs: 2500 },
      log: silentLogger,
    });
    await other.start();
    try {
      await other.setGrammar({ jsgf: HOUSEHOLD_JSGF });
      await expect(other.setWakePhrase('hey zqxjv')).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    } finally {
      await other.stop();
    }
  });
});

describe('keyphraseLines', () => {
  it('lists every pronunciation of every word, each with the threshold', () => {
    const lines = keyphraseLines(['hey', 'hearth'], (w) => (w === 'hearth' ? 2 : 1), 1e-40);
    expect(lines).toEqual(['hey hearth /1e-40/', 'hey hearth(2) /1e-40/']);
  });
});

describe('withoutPostvocalicR', () => {
  it('drops an r after a vowel before a consonant or the end, keeping one before a vowel', () => {
    expect(withoutPostvocalicR('HH AA R TH')).toBe('HH AA TH');
    expect(withoutPostvocalicR('K AA R')).toBe('K AA');
    expect(withoutPostvocalicR('R EH D')).toBeUndefined();
    expect(withoutPostvocalicR('HH EH R IY')).toBeUndefined();
  });
});

describe('phraseHolds', () => {
  it('needs both the fit and the coverage', () => {
    const options = { threshold: 1e-40, withinMs: 2500, minPhraseFit: -4, minPhraseCoverage: 0.7 };
    expect(phraseHolds({ fit: 2, coverage: 0.9 }, options)).toBe(true);
    expect(phraseHolds({ fit: -6, coverage: 0.9 }, options)).toBe(false);
    expect(phraseHolds({ fit: 2, coverage: 0.5 }, options)).toBe(false);
    expect(phraseHolds({ fit: -60, coverage: 0 }, { threshold: 1e-40, withinMs: 2500 })).toBe(true);
  });
});

describe('loneTailTooLong', () => {
  it("allows the endpointer's padding and a breath after a lone phrase, not more speech", () => {
    expect(loneTailTooLong(60, 70)).toBe(false);
    expect(loneTailTooLong(95, 70)).toBe(false);
    expect(loneTailTooLong(111, 70)).toBe(true);
    // No padding given: the default trailing silence is assumed.
    expect(loneTailTooLong(70, 0)).toBe(false);
    expect(loneTailTooLong(90, 0)).toBe(true);
  });
});

describe('audioUntil', () => {
  it('cuts chunked audio at a sample, keeping what comes before', () => {
    const chunks = [Int16Array.from([1, 2, 3]), Int16Array.from([4, 5]), Int16Array.from([6])];
    expect(audioUntil(chunks, 4).map((c) => [...c])).toEqual([[1, 2, 3], [4]]);
    expect(audioUntil(chunks, 3).map((c) => [...c])).toEqual([[1, 2, 3]]);
    expect(audioUntil(chunks, 0)).toEqual([]);
  });
});

describe('audioFrom', () => {
  it('cuts chunked audio at a sample, keeping what follows', () => {
    const chunks = [Int16Array.from([1, 2, 3]), Int16Array.from([4, 5]), Int16Array.from([6])];
    expect(audioFrom(chunks, 4).map((c) => [...c])).toEqual([[5], [6]]);
    expect(audioFrom(chunks, 0).map((c) => [...c])).toEqual([[1, 2, 3], [4, 5], [6]]);
  });
});
