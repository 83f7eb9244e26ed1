import { describe, expect, it } from 'vitest';
import { silentLogger } from '../core/logger.js';
import type { VoiceService } from '../voice/service.js';
import { VOICE_LOADING_DETAIL, VoiceLoading } from './voice-loading.js';

/** A voice service whose start() finishes (or fails) when the test says so. */
function controllableVoice() {
  const calls: string[] = [];
  let finish!: (err?: Error) => void;
  const voice = {
    start: () => {
      calls.push('start');
      return new Promise<void>((resolve, reject) => (finish = (err) => (err ? reject(err) : resolve())));
    },
    stop: async () => void calls.push('stop'),
    status: () => ({ status: 'ok' as const, detail: 'speech recogniser: pocketsphinx' }),
  };
  return { voice: voice as unknown as VoiceService, calls, finish: (err?: Error) => finish(err) };
}

describe('VoiceLoading', () => {
  it('says loading until voice has started, then reports the voice status', async () => {
    const { voice, finish } = controllableVoice();
    const loading = new VoiceLoading(voice, silentLogger);
    expect(loading.status()).toEqual({ status: 'loading', detail: VOICE_LOADING_DETAIL });
    const started = loading.begin();
    expect(loading.notReady()).toBe(VOICE_LOADING_DETAIL);
    expect(loading.status().status).toBe('loading');
    finish();
    await started;
    expect(loading.notReady()).toBeUndefined();
    expect(loading.status()).toEqual({ status: 'ok', detail: 'speech recogniser: pocketsphinx' });
  });

  it('starts voice once however often begin() is called', async () => {
    const { voice, calls, finish } = controllableVoice();
    const loading = new VoiceLoading(voice, silentLogger);
    const first = loading.begin();
    expect(loading.begin()).toBe(first);
    finish();
    await first;
    expect(calls).toEqual(['start']);
  });

  it('passes a failed start on and says why voice is missing', async () => {
    const { voice, finish } = controllableVoice();
    const loading = new VoiceLoading(voice, silentLogger);
    const started = loading.begin();
    finish(new Error('voice log table is locked'));
    await expect(started).rejects.toThrow('voice log table is locked');
    expect(loading.notReady()).toContain('voice log table is locked');
    expect(loading.status()).toMatchObject({ status: 'missing' });
  });

  it('stop() waits for a start under way before stopping voice', async () => {
    const { voice, calls, finish } = controllableVoice();
    const loading = new VoiceLoading(voice, silentLogger);
    void loading.begin();
    const stopped = loading.stop();
    await new Promise((r) => setTimeout(r, 10));
    expect(calls).toEqual(['start']);
    finish();
    await stopped;
    expect(calls).toEqual(['start', 'stop']);
    expect(loading.notReady()).toContain('stopped');
    expect(loading.status().status).not.toBe('loading');
  });
});
