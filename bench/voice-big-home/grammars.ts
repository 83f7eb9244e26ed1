/**
 * The JSGF grammars a hub builds (wake phrase included) for the furnished example home and for the 115-device
 * held-out household, taken from an in-process test hub once its grammar holds a word only that home has.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { LoadedGrammar } from '../../hub/voice/service.js';
import { startTestHub } from '../../test/harness/hub.js';
import { until } from '../../test/harness/until.js';
import { HOUSEHOLD_FILE } from '../../test/phrasings/lib/household.js';

async function hubGrammar(
  config: Record<string, unknown>,
  marker: string,
  commandModel: 'grammar' | 'ngram' = 'grammar',
): Promise<LoadedGrammar> {
  const hub = await startTestHub({
    config: {
      ...config,
      voice: { recognizer: 'pocketsphinx', tts: { enabled: false }, pocketsphinx: { commandModel } },
    },
  });
  try {
    await until(
      () => hub.hub.voice().loadedGrammar()?.jsgf?.includes(marker) === true,
      `the ${marker} grammar`,
      120_000,
    );
    return hub.hub.voice().loadedGrammar()!;
  } finally {
    await hub.stop();
  }
}

export const EXAMPLE_HOME = 'example home (config/example-household.yaml)';
export const BIG_HOME = '115-device household (test/phrasings/household.yaml)';

/** Both grammars by name, example home first. */
export async function benchGrammars(): Promise<Record<string, string>> {
  return {
    [EXAMPLE_HOME]: (
      await hubGrammar(
        parse(readFileSync('config/example-household.yaml', 'utf8')) as Record<string, unknown>,
        'hearth_wake',
      )
    ).jsgf!,
    [BIG_HOME]: (await hubGrammar(bigHome(), 'porch')).jsgf!,
  };
}

/** The n-gram command model (ARPA text and words) a hub builds for the 113-device household. */
export async function bigHomeLanguageModel(): Promise<NonNullable<LoadedGrammar['languageModel']>> {
  return (await hubGrammar(bigHome(), 'porch', 'ngram')).languageModel!;
}

const bigHome = () => parse(readFileSync(HOUSEHOLD_FILE, 'utf8')) as Record<string, unknown>;
