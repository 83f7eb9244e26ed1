/**
 * config/default.yaml says it has every setting with its default: every key the schema gives a default must stand in
 * it with that value, so adding a setting without writing it there fails here.
 */
import { describe, expect, it } from 'vitest';
import { defaultConfigFile, readYamlFile } from './load.js';
import { hubConfigSchema } from './schema.js';

const isMapping = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** Key paths whose default (`want`) is missing from `file` or stands there with another value. */
function notInFile(want: unknown, file: unknown, path = ''): string[] {
  if (isMapping(want)) {
    if (!isMapping(file)) return [`${path || '(root)'}: missing`];
    return Object.entries(want).flatMap(([key, value]) => {
      const at = path ? `${path}.${key}` : key;
      return key in file ? notInFile(value, file[key], at) : [`${at}: missing (default ${JSON.stringify(value)})`];
    });
  }
  return JSON.stringify(want) === JSON.stringify(file)
    ? []
    : [`${path}: ${JSON.stringify(file)} in the file, ${JSON.stringify(want)} in the schema`];
}

describe('config/default.yaml', () => {
  const defaults = hubConfigSchema.parse({});

  it('has every setting that has a default, with the default the schema gives it', () => {
    expect(notInFile(defaults, readYamlFile(defaultConfigFile()))).toEqual([]);
  });

  it('the check finds a setting left out and a default written wrong', () => {
    const file = structuredClone(readYamlFile(defaultConfigFile())) as {
      voice: { vad: Record<string, unknown>; pocketsphinx: Record<string, unknown> };
    };
    delete file.voice.vad.minStartMarginDb;
    file.voice.pocketsphinx.commandModel = 'ngram';
    expect(notInFile(defaults, file)).toEqual([
      'voice.vad.minStartMarginDb: missing (default 5)',
      'voice.pocketsphinx.commandModel: "ngram" in the file, "grammar" in the schema',
    ]);
  });
});
