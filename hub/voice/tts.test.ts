import { describe, expect, it } from 'vitest';
import { silentLogger } from '../core/logger.js';
import { parseWav } from './audio/wav.js';
import { EspeakTts } from './tts.js';

const options = { command: 'espeak-ng', voice: 'en-us', speed: 165, enabled: true, log: silentLogger };

describe('EspeakTts', () => {
  it('speaks a reply into a 16 kHz mono WAV and returns the text', async () => {
    const reply = await new EspeakTts(options).synthesize('The kitchen light is on.');
    expect(reply.text).toBe('The kitchen light is on.');
    const wav = parseWav(reply.wav!);
    expect([wav.sampleRate, wav.channels, wav.bitsPerSample]).toEqual([16000, 1, 16]);
    expect(wav.data.length / 32000).toBeGreaterThan(0.8);
  });

  it('still returns the text when espeak-ng is missing or disabled', async () => {
    expect(await new EspeakTts({ ...options, command: 'espeak-ng-not-installed' }).synthesize('Done.')).toEqual({
      text: 'Done.',
    });
    expect(await new EspeakTts({ ...options, enabled: false }).synthesize('Done.')).toEqual({ text: 'Done.' });
    expect(await new EspeakTts({ ...options, command: 'espeak-ng-not-installed' }).playLocal('Done.')).toBe(false);
  });
});
