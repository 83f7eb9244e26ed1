import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SpeechSynth } from '../../test/harness/speech.js';
import { vadConfigSchema } from './config.js';
import { Endpointer, frameDb, type VadEvent } from './vad.js';

const synth = new SpeechSynth();
beforeAll(() => synth.start());
afterAll(() => synth.stop());

function runVad(pcm: Buffer, overrides: Record<string, unknown> = {}, chunkBytes = 3202): VadEvent[] {
  const vad = new Endpointer(vadConfigSchema.parse(overrides));
  const events: VadEvent[] = [];
  for (let i = 0; i < pcm.length; i += chunkBytes) events.push(...vad.process(pcm.subarray(i, i + chunkBytes)));
  events.push(...vad.finish());
  return events;
}

const starts = (events: VadEvent[]) => events.filter((e) => e.type === 'start');
const ends = (events: VadEvent[]) => events.filter((e): e is Extract<VadEvent, { type: 'end' }> => e.type === 'end');

describe('Endpointer', () => {
  it('measures frame energy in dBFS', () => {
    const loud = Buffer.alloc(640);
    for (let i = 0; i < 320; i++) loud.writeInt16LE(i % 2 ? 16384 : -16384, i * 2);
    expect(frameDb(loud)).toBeCloseTo(-6.02, 1);
    expect(frameDb(Buffer.alloc(640))).toBe(-120);
  });

  it('finds one utterance in speech padded with silence and ends it after the trailing silence', async () => {
    const clip = await synth.say('turn on the kitchen light', { silenceBeforeMs: 500, silenceAfterMs: 1200 });
    const events = runVad(clip.pcm, { trailingSilenceMs: 400 });
    expect(starts(events)).toHaveLength(1);
    const [end] = ends(events);
    expect(end?.reason).toBe('silence');
    const start = starts(events)[0] as Extract<VadEvent, { type: 'start' }>;
    expect(start.atMs).toBeGreaterThanOrEqual(200);
    expect(start.atMs).toBeLessThanOrEqual(550);
    // The end comes the configured silence after the speech, not at the end of the clip.
    expect(end!.atMs).toBeGreaterThan(clip.speechEndMs + 300);
    expect(end!.atMs).toBeLessThan(clip.speechEndMs + 700);
  });

  it('adapts its floor to steady noise and still finds the speech in it', async () => {
    const clip = await synth.say('open the bedroom blinds', {
      silenceBeforeMs: 800,
      silenceAfterMs: 1200,
      noise: 0.03,
    });
    const vad = new Endpointer(vadConfigSchema.parse({}));
    const events: VadEvent[] = [];
    for (let i = 0; i < clip.pcm.length; i += 640) events.push(...vad.process(clip.pcm.subarray(i, i + 640)));
    expect(vad.noiseFloorDb).toBeGreaterThan(-50);
    expect(starts(events)).toHaveLength(1);
    expect(ends(events)[0]?.reason).toBe('silence');
  });

  it('does not call noise alone speech', async () => {
    const noise = await synth.noise(3000, 0.05);
    expect(starts(runVad(noise))).toHaveLength(0);
  });

  it('finds speech at 10 dB SNR over steady noise, which a fixed 12 dB start margin never does', async () => {
    const clip = await synth.say('open the bedroom blinds', { silenceBeforeMs: 1000, silenceAfterMs: 1200 });
    const noise = await synth.noise(clip.pcm.length / 32, 0.5);
    const speech = new Int16Array(clip.pcm.buffer, clip.pcm.byteOffset, clip.pcm.length >> 1);
    const hiss = new Int16Array(noise.buffer, noise.byteOffset, noise.length >> 1);
    const rms = (a: Int16Array, from: number, to: number) =>
      Math.sqrt(a.subarray(from, to).reduce((sum, v) => sum + v * v, 0) / Math.max(1, to - from));
    const spoken = [16 * 1000, 16 * clip.speechEndMs] as const;
    const gain = rms(speech, ...spoken) / (rms(hiss, ...spoken) * 10 ** (10 / 20));
    const mixed = Buffer.alloc(clip.pcm.length);
    speech.forEach((v, i) =>
      mixed.writeInt16LE(Math.max(-32768, Math.min(32767, Math.round(v + gain * hiss[i]!))), i * 2),
    );
    const events = runVad(mixed);
    expect(starts(events)).toHaveLength(1);
    const start = starts(events)[0] as Extract<VadEvent, { type: 'start' }>;
    expect(start.atMs).toBeGreaterThan(700);
    expect(start.atMs).toBeLessThan(clip.speechEndMs);
    expect(ends(events)[0]?.atMs).toBeGreaterThan(clip.speechEndMs - 300);
    expect(starts(runVad(mixed, { minStartMarginDb: 12 }))).toHaveLength(0);
  });

  it('cuts an utterance at the maximum length', async () => {
    const clip = await synth.say(
      'turn off the bedroom lights and then set the thermostat to twenty degrees and play the music',
      {
        silenceAfterMs: 1000,
      },
    );
    const events = runVad(clip.pcm, { maxUtteranceMs: 1000 });
    expect(ends(events)[0]?.reason).toBe('max_length');
    const firstEnd = events.findIndex((e) => e.type === 'end');
    const audio = events.slice(0, firstEnd).reduce((n, e) => n + ('pcm' in e ? e.pcm.length : 0), 0);
    expect(audio / 32).toBeLessThanOrEqual(1000 + 20);
  });

  it('closes an utterance still open when the input ends', async () => {
    const clip = await synth.say('what time is it', { silenceAfterMs: 100 });
    const events = runVad(clip.pcm, { trailingSilenceMs: 800 });
    expect(ends(events).map((e) => e.reason)).toEqual(['input_ended']);
  });

  it('gives the same events however the audio is chunked', async () => {
    const clip = await synth.say('lock the front door');
    const summary = (events: VadEvent[]) => events.filter((e) => e.type !== 'audio').map((e) => `${e.type}@${e.atMs}`);
    expect(summary(runVad(clip.pcm, {}, 98))).toEqual(summary(runVad(clip.pcm, {}, 32000)));
  });
});
