import { describe, expect, it } from 'vitest';
import { PcmConverter, readAudioFormat } from './audio-format.js';

function sine(rate: number, hz: number, seconds: number, channels = 1, width = 2): Buffer {
  const frames = Math.round(rate * seconds);
  const out = Buffer.alloc(frames * channels * width);
  for (let f = 0; f < frames; f++) {
    const v = Math.round(10000 * Math.sin((2 * Math.PI * hz * f) / rate));
    for (let c = 0; c < channels; c++) {
      const at = (f * channels + c) * width;
      if (width === 2) out.writeInt16LE(v, at);
      else if (width === 4) out.writeInt32LE(v * 65536, at);
      else out[at] = (v >> 8) + 128;
    }
  }
  return out;
}

function convertInPieces(converter: PcmConverter, input: Buffer, piece: number): Buffer {
  const parts: Buffer[] = [];
  for (let i = 0; i < input.length; i += piece) parts.push(converter.convert(input.subarray(i, i + piece)));
  return Buffer.concat(parts);
}

const samples = (pcm: Buffer) => Array.from({ length: pcm.length / 2 }, (_, i) => pcm.readInt16LE(i * 2));

describe('PcmConverter', () => {
  it('turns 48 kHz stereo into 16 kHz mono of the same length and tone, however the stream is cut', () => {
    const input = sine(48000, 440, 1, 2);
    const whole = new PcmConverter({ rate: 48000, width: 2, channels: 2 }).convert(input);
    expect(whole.length / 2).toBeCloseTo(16000, -1);
    for (const piece of [4, 1000, 4093, 19200]) {
      const cut = convertInPieces(new PcmConverter({ rate: 48000, width: 2, channels: 2 }), input, piece);
      expect(Math.abs(cut.length - whole.length)).toBeLessThanOrEqual(2);
      expect(samples(cut).slice(0, 1000)).toEqual(samples(whole).slice(0, 1000));
    }
    // Still a 440 Hz tone: ~880 zero crossings a second.
    const s = samples(whole);
    const crossings = s.filter((v, i) => i > 0 && s[i - 1]! < 0 !== v < 0).length;
    expect(crossings).toBeGreaterThan(860);
    expect(crossings).toBeLessThan(900);
  });

  it('upsamples 22.05 kHz and reads 8- and 32-bit samples', () => {
    expect(
      new PcmConverter({ rate: 22050, width: 2, channels: 1 }).convert(sine(22050, 300, 0.5)).length / 2,
    ).toBeCloseTo(8000, -1);
    const eight = samples(
      new PcmConverter({ rate: 16000, width: 1, channels: 1 }).convert(sine(16000, 300, 0.1, 1, 1)),
    );
    const thirtyTwo = samples(
      new PcmConverter({ rate: 16000, width: 4, channels: 1 }).convert(sine(16000, 300, 0.1, 1, 4)),
    );
    const reference = samples(sine(16000, 300, 0.1));
    expect(Math.max(...thirtyTwo.map((v, i) => Math.abs(v - reference[i]!)))).toBeLessThanOrEqual(1);
    expect(Math.max(...eight.map((v, i) => Math.abs(v - reference[i]!)))).toBeLessThanOrEqual(256);
  });

  it('passes the hub format through untouched', () => {
    const pcm = sine(16000, 440, 0.1);
    expect(new PcmConverter({ rate: 16000, width: 2, channels: 1 }).convert(pcm)).toBe(pcm);
  });
});

describe('readAudioFormat', () => {
  it('says what is wrong with a format', () => {
    expect(readAudioFormat({ rate: 16000, width: 2, channels: 1 })).toEqual({ rate: 16000, width: 2, channels: 1 });
    expect(readAudioFormat({ rate: '16000', width: 2, channels: 1 })).toMatch(/rate must be a whole number/);
    expect(readAudioFormat({ rate: 16000, width: 3, channels: 1 })).toMatch(/width must be 1, 2 or 4/);
    expect(readAudioFormat({ rate: 16000, width: 2, channels: 0 })).toMatch(/channels must be 1-8/);
  });
});
