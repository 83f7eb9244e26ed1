import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../hub/core/logger.js';
import { voiceConfigSchema } from '../../hub/voice/config.js';
import { bindVosk, VoskRecognizer } from '../../hub/voice/recognizers/vosk.js';

const library = voiceConfigSchema.parse({}).vosk.library;
let emptyDir: string;

beforeAll(() => {
  // The real libvosk, fetched the way users get it (npm pack; cached in vendor/ afterwards).
  if (!existsSync(library)) execFileSync('node', ['scripts/fetch-libvosk.mjs'], { stdio: 'ignore' });
  emptyDir = mkdtempSync(join(tmpdir(), 'hearth-vosk-model-'));
}, 120_000);
afterAll(() => rmSync(emptyDir, { recursive: true, force: true }));

describe('VoskRecognizer (real libvosk through koffi)', () => {
  it('loads libvosk and binds the C API', () => {
    const api = bindVosk(library);
    expect(typeof api.modelNew).toBe('function');
    expect(typeof api.recognizerNewGrm).toBe('function');
  });

  it('names the library path and the fetch script when libvosk is missing', async () => {
    const vosk = new VoskRecognizer({ library: '/opt/none/libvosk.so', modelPath: emptyDir, log: silentLogger });
    await expect(vosk.start()).rejects.toMatchObject({
      code: 'RECOGNIZER_UNAVAILABLE',
      message: expect.stringMatching(/\/opt\/none\/libvosk\.so.*fetch-libvosk\.mjs/),
    });
  });

  it('says where to get a model when none is configured', async () => {
    const vosk = new VoskRecognizer({ library, log: silentLogger });
    await expect(vosk.start()).rejects.toMatchObject({
      code: 'RECOGNIZER_UNAVAILABLE',
      message: expect.stringContaining('alphacephei.com/vosk/models'),
    });
  });

  it('names the model path when the folder is missing or not a model', async () => {
    const missing = new VoskRecognizer({
      library,
      modelPath: join(emptyDir, 'vosk-model-small-en-us-0.15'),
      log: silentLogger,
    });
    await expect(missing.start()).rejects.toMatchObject({
      code: 'RECOGNIZER_UNAVAILABLE',
      message: expect.stringContaining('vosk-model-small-en-us-0.15 does not exist'),
    });
    const notAModel = new VoskRecognizer({ library, modelPath: emptyDir, log: silentLogger });
    await expect(notAModel.start()).rejects.toMatchObject({
      code: 'RECOGNIZER_UNAVAILABLE',
      message: expect.stringContaining(emptyDir),
    });
  });
});
