/**
 * `language.customSentences` end to end: a Home Assistant custom sentence file named in the config is loaded at
 * start; its sentence is understood when typed, reaches the recogniser's grammar, and is understood when spoken
 * (espeak-ng through pocketsphinx). A bad file stops the start, naming the file, the path in it and the problem.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsgfWords } from '../../hub/voice/recognizers/types.js';
import { startTestHub, type TestHub } from '../harness/hub.js';
import { SpeechSynth } from '../harness/speech.js';
import { postVoice } from '../harness/hub-voice.js';

const CUSTOM = `language: en
intents:
  HassTurnOn:
    data:
      - sentences:
          - "awaken [the] {name}"
`;

const household = {
  areas: [{ id: 'kitchen', name: 'Kitchen' }],
  devices: [{ id: 'kitchen-light', name: 'Kitchen light', area: 'kitchen', type: 'light' }],
};

let dir: string;
let hub: TestHub;
const synth = new SpeechSynth();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hearth-custom-sentences-'));
  writeFileSync(join(dir, 'wake-words.yaml'), CUSTOM);
  await synth.start();
  hub = await startTestHub({
    config: {
      ...household,
      voice: { recognizer: 'pocketsphinx' },
      language: { customSentences: [join(dir, 'wake-words.yaml')] },
    },
  });
});
afterAll(async () => {
  await hub?.stop();
  await synth.stop();
  if (hub) rmSync(hub.dataDir, { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
});

describe('custom sentences from the config', () => {
  it('are understood when typed and reach the skill that owns the intent', async () => {
    const { status, body } = await hub.api('POST', '/utterances', { text: 'awaken the kitchen light', dryRun: true });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      intent: { name: 'HassTurnOn', slots: { name: 'Kitchen light' } },
      targets: ['kitchen-light'],
      skill: 'smart-home',
    });
  });

  it('are in the grammar the recogniser loaded, and understood when spoken', async () => {
    expect(jsgfWords(hub.hub.voice().loadedGrammar()?.jsgf ?? '')).toContain('awaken');
    const clip = await synth.say('awaken the kitchen light', { voice: 'en-us', speed: 150 });
    const res = await postVoice(hub, clip.wav, 'dryRun=true');
    const heard = (await res.json()) as {
      transcript: string;
      intent: { name: string; slots: Record<string, unknown> } | null;
    };
    expect(res.status, JSON.stringify(heard)).toBe(200);
    expect(heard.transcript).toBe('awaken the kitchen light');
    expect(heard.intent).toEqual({ name: 'HassTurnOn', slots: { name: 'Kitchen light' } });
  });

  it('stop the start when a file is wrong, naming the file, the path and the problem', async () => {
    const bad = join(dir, 'broken.yaml');
    writeFileSync(
      bad,
      'language: en\nintents:\n  HassTurnOn:\n    data:\n      - sentences:\n          - "awaken {nothing_like_this}"\n',
    );
    const failed = startTestHub({ config: { ...household, language: { customSentences: [bad] } } });
    await expect(failed).rejects.toThrow(/broken\.yaml/);
    await expect(failed).rejects.toThrow(
      /intents\.HassTurnOn\.data\[0\]\.sentences\[0\]: the list \{nothing_like_this\} is not defined/,
    );
    const missing = startTestHub({
      config: { ...household, language: { customSentences: [join(dir, 'nowhere.yaml')] } },
    });
    await expect(missing).rejects.toThrow(/nowhere\.yaml cannot be read/);
  });
});
