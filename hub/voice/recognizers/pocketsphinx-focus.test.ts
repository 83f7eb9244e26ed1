import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../core/logger.js';
import { SpeechSynth } from '../../../test/harness/speech.js';
import { listenWithGrammar } from '../../../test/harness/speech-recognizer-hooks.js';
import { voiceConfigSchema } from '../config.js';
import { PocketsphinxRecognizer } from './pocketsphinx.js';
import { compileFocused, DEFAULT_FOCUS_SEARCH } from './pocketsphinx-focus.js';
import type { PocketsphinxApi } from './pocketsphinx-library.js';

/** The decoder configuration as pocketsphinx keeps it, and what each search saw when it was built. */
function fakeDecoder(accepts = true) {
  const config = new Map<string, number>([
    ['-beam', 1e-48],
    ['-pbeam', 1e-48],
    ['-wbeam', 7e-29],
    ['-fsgusealtpron', 0],
  ]);
  const built: Record<string, Record<string, number>> = {};
  const api = {
    getConfig: () => config,
    cmdLnFloat: (_c: unknown, flag: string) => config.get(flag),
    cmdLnInt: (_c: unknown, flag: string) => config.get(flag),
    cmdLnSetFloat: (_c: unknown, flag: string, v: number) => config.set(flag, v),
    cmdLnSetInt: (_c: unknown, flag: string, v: number) => config.set(flag, v),
    setJsgf: (_d: unknown, name: string) => {
      built[name] = Object.fromEntries(config);
      return accepts ? 0 : -1;
    },
  } as unknown as PocketsphinxApi;
  return { api, config, built };
}

describe('compileFocused', () => {
  it('builds the search with the focus flags and puts the decoder configuration back', () => {
    const { api, config, built } = fakeDecoder();
    const before = Object.fromEntries(config);
    expect(compileFocused(api, {}, 'hearth-focus', '#JSGF V1.0;', DEFAULT_FOCUS_SEARCH)).toBe(true);
    expect(built['hearth-focus']).toEqual({ '-beam': 1e-60, '-pbeam': 1e-60, '-wbeam': 1e-48, '-fsgusealtpron': 1 });
    expect(Object.fromEntries(config)).toEqual(before);
  });

  it('reports a grammar the decoder refused, and still puts the configuration back', () => {
    const { api, config } = fakeDecoder(false);
    const before = Object.fromEntries(config);
    expect(
      compileFocused(api, {}, 'hearth-focus', 'bad', { ...DEFAULT_FOCUS_SEARCH, alternativePronunciations: false }),
    ).toBe(false);
    expect(Object.fromEntries(config)).toEqual(before);
  });
});

/** A grammar in the exporter's shape: one command rule over per-intent rules. */
const INTENTS_JSGF = [
  '#JSGF V1.0;',
  'grammar hearth;',
  'public <command> = <intent_HassTurnOn> | <intent_HassTurnOff> | <intent_Curtains>;',
  '<intent_HassTurnOn> = turn on the <room> light;',
  '<intent_HassTurnOff> = turn off the <room> light;',
  '<intent_Curtains> = (open | close) the living room curtains;',
  '<room> = kitchen | bedroom | hallway;',
  '',
].join('\n');

describe('the focused pass on a real decoder', () => {
  const synth = new SpeechSynth();
  const recognizer = new PocketsphinxRecognizer({
    ...voiceConfigSchema.parse({ pocketsphinx: { focus: {} } }).pocketsphinx,
    log: silentLogger,
  });
  listenWithGrammar(recognizer, synth, INTENTS_JSGF);

  const decode = async (text: string) => {
    const session = recognizer.startUtterance({ source: 'test', standalone: true });
    session.feed((await synth.say(text)).pcm);
    return session.end();
  };

  it("decodes the same audio again with only the asked intent's sentences, then the command grammar as before", async () => {
    const first = await decode('turn on the kitchen light');
    expect(first.text).toBe('turn on the kitchen light');
    expect((await first.focus!('HassTurnOn'))?.text).toBe('turn on the kitchen light');
    // Forced onto another intent's sentences ("turn off …" is the small grammar's only fit), the words lose to the first
    // words decoded beside them: nothing offered.
    expect(await first.focus!('HassTurnOff')).toBeUndefined();
    expect(await first.focus!('Curtains')).toBeUndefined();
    expect(await first.focus!('HassLock')).toBeUndefined();
    expect((await decode('turn off the bedroom light')).text).toBe('turn off the bedroom light');
  });

  it("measures the focused words' own fit and opposite lead", async () => {
    const first = await decode('turn off the hallway light');
    const again = (await first.focus!('HassTurnOff'))!;
    expect(again.text).toBe('turn off the hallway light');
    expect((await again.margin!()).fit).toBeGreaterThan(-30);
    expect((await again.lead!(['turn on the hallway light']))?.lead).toBeGreaterThan(0);
  });
});
