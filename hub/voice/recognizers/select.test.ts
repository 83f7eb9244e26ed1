import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../core/logger.js';
import { voiceConfigSchema } from '../config.js';
import { recognizerStatus, startRecognizer } from './select.js';

const noPocketsphinx = { library: 'libpocketsphinx-missing.so.3', modelDir: '/nonexistent/ps-model' };
const noVosk = { library: '/nonexistent/libvosk.so' };

describe('recogniser selection', () => {
  it('auto picks pocketsphinx when no Vosk model is configured (this machine has pocketsphinx)', () => {
    const status = recognizerStatus(voiceConfigSchema.parse({ vosk: noVosk }));
    expect(status.selected).toBe('pocketsphinx');
    expect(status.engines.vosk).toMatchObject({
      available: false,
      missing: expect.stringContaining('/nonexistent/libvosk.so'),
    });
    expect(status.summary).toBe('speech recogniser: pocketsphinx');
  });

  it('auto falls back to text and says exactly what is missing and how to install it', async () => {
    const config = voiceConfigSchema.parse({ vosk: noVosk, pocketsphinx: noPocketsphinx });
    const status = recognizerStatus(config);
    expect(status.selected).toBe('text');
    expect(status.summary).toContain('libpocketsphinx-missing.so.3');
    expect(status.summary).toContain('apt install pocketsphinx pocketsphinx-en-us');
    expect(status.summary).toContain('fetch-libvosk.mjs');
    const started = await startRecognizer(config, silentLogger);
    expect(started.recognizer.name).toBe('text');
  });

  it('a configured Vosk without a model names the missing setting', () => {
    const status = recognizerStatus(
      voiceConfigSchema.parse({ recognizer: 'vosk', vosk: { library: process.execPath } }),
    );
    expect(status.engines.vosk.missing).toContain('voice.vosk.modelPath');
    expect(status.summary).toContain('alphacephei.com/vosk/models');
  });

  it('an explicitly chosen engine that is missing refuses to start instead of guessing', async () => {
    const config = voiceConfigSchema.parse({ recognizer: 'pocketsphinx', pocketsphinx: noPocketsphinx });
    await expect(startRecognizer(config, silentLogger)).rejects.toMatchObject({ code: 'RECOGNIZER_UNAVAILABLE' });
  });

  it('auto starts the real pocketsphinx here', async () => {
    const { recognizer, status } = await startRecognizer(voiceConfigSchema.parse({ vosk: noVosk }), silentLogger);
    expect([recognizer.name, status.selected]).toEqual(['pocketsphinx', 'pocketsphinx']);
    await recognizer.stop();
  });
});
