import { describe, expect, it } from 'vitest';
import { collectPcm } from './pcm.js';
import { encodeWav, parseWav, wavBufferSource, wavToPcm } from './wav.js';

function wavWith(options: { rate: number; channels: number; extraChunk?: boolean }, frames: number): Buffer {
  const data = Buffer.alloc(frames * options.channels * 2);
  for (let i = 0; i < frames * options.channels; i++) data.writeInt16LE(Math.round(8000 * Math.sin(i / 10)), i * 2);
  const fmt = Buffer.alloc(24);
  fmt.write('fmt ', 0, 'ascii');
  fmt.writeUInt32LE(16, 4);
  fmt.writeUInt16LE(1, 8);
  fmt.writeUInt16LE(options.channels, 10);
  fmt.writeUInt32LE(options.rate, 12);
  fmt.writeUInt32LE(options.rate * options.channels * 2, 16);
  fmt.writeUInt16LE(options.channels * 2, 20);
  fmt.writeUInt16LE(16, 22);
  // An odd-sized LIST chunk checks the word-alignment padding.
  const list = options.extraChunk
    ? Buffer.concat([Buffer.from('LIST'), Buffer.from([3, 0, 0, 0]), Buffer.from('abc'), Buffer.alloc(1)])
    : Buffer.alloc(0);
  const dataHeader = Buffer.alloc(8);
  dataHeader.write('data', 0, 'ascii');
  dataHeader.writeUInt32LE(data.length, 4);
  const body = Buffer.concat([Buffer.from('WAVE'), fmt, list, dataHeader, data]);
  const riff = Buffer.alloc(8);
  riff.write('RIFF', 0, 'ascii');
  riff.writeUInt32LE(body.length, 4);
  return Buffer.concat([riff, body]);
}

describe('WAV', () => {
  it('parses the chunk list, skipping padded extra chunks', () => {
    const info = parseWav(wavWith({ rate: 16000, channels: 1, extraChunk: true }, 100));
    expect([info.format, info.sampleRate, info.channels, info.bitsPerSample, info.data.length]).toEqual([
      1, 16000, 1, 16, 200,
    ]);
  });

  it('round-trips encodeWav', () => {
    const pcm = Buffer.from([1, 0, 2, 0, 3, 0]);
    expect(parseWav(encodeWav(pcm)).data).toEqual(pcm);
  });

  it('converts 44.1 kHz stereo to 16 kHz mono with sox', async () => {
    const pcm = await wavToPcm(wavWith({ rate: 44100, channels: 2 }, 44100));
    expect(Math.abs(pcm.length / 2 - 16000)).toBeLessThan(20);
  });

  it('rejects what is not a WAV with a coded error', async () => {
    expect(() => parseWav(Buffer.from('hello world, not audio'))).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
    await expect(collectPcm(wavBufferSource(Buffer.from('RIFF\0\0\0\0WAVE')))).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });
});
