import { readFile } from 'node:fs/promises';
import { beforeEach, describe, expect, it } from 'vitest';
import { LanguageService } from '../service.js';
import { buildHousehold } from '../testing/household.js';
import { importHaSentences } from './load.js';
import { addBuiltinIntents } from '../../../test/harness/language.js';

const fixture = new URL('./fixtures/movie-night.yaml', import.meta.url);
let language: LanguageService;

beforeEach(async () => {
  language = new LanguageService(buildHousehold(0));
  await language.start();
  addBuiltinIntents(language);
});

describe('importHaSentences', () => {
  it('registers the file as import:<file> and understands its sentences with in/out list values', async () => {
    const result = importHaSentences(language.registry, await readFile(fixture, 'utf8'), 'movie-night.yaml');
    expect(result).toMatchObject({
      owner: 'import:movie-night.yaml',
      intents: ['MovieNight', 'SetFanSpeed'],
      sentences: 5,
    });
    expect(result.warnings[0]).toMatch(
      /intents\.MovieNight\.data\[0\]\.requires_context: context conditions are not enforced/,
    );
    expect(language.registry.owner('MovieNight')).toBe('import:movie-night.yaml');

    const night = language.understand('start a movie night in the snug');
    expect(night.intent).toEqual({ name: 'MovieNight', slots: { mood: 'cosy', den_room: 'living_room' } });
    const ready = language.understand('get the tv room ready for a silly film');
    expect(ready.intent).toEqual({
      name: 'MovieNight',
      slots: { mood: 'cosy', den_room: 'living_room', genre: 'comedy' },
    });
    expect(language.understand("it's movie time").intent?.name).toBe('MovieNight');
    expect(language.understand('set the fan to 3').intent).toEqual({ name: 'SetFanSpeed', slots: { speed: 3 } });
    expect(language.understand('fan four please').intent).toEqual({ name: 'SetFanSpeed', slots: { speed: 4 } });
    expect(language.understand('set the fan to 9').intent?.name).not.toBe('SetFanSpeed');
  });

  it('keeps its rules to itself: the built-in <name> rule still works for skills added later', async () => {
    importHaSentences(language.registry, await readFile(fixture, 'utf8'), 'movie-night.yaml');
    language.addIntents('later_skill', { PolishThing: { targets: 'none', sentences: ['polish <name>'] } });
    expect(language.understand('polish the kitchen light').intent).toEqual({
      name: 'PolishThing',
      slots: { name: 'Kitchen Light' },
    });
  });

  it('replaces an earlier import of the same file', () => {
    importHaSentences(
      language.registry,
      'language: en\nintents:\n  OldOne:\n    data:\n      - sentences: ["do the old thing"]\n',
      'mine.yaml',
    );
    importHaSentences(
      language.registry,
      'language: en\nintents:\n  NewOne:\n    data:\n      - sentences: ["do the new thing"]\n',
      'mine.yaml',
    );
    expect(language.understand('do the new thing').intent?.name).toBe('NewOne');
    expect(language.registry.intents()).not.toContain('OldOne');
  });

  it('names the path of every problem', () => {
    const bad = [
      'language: en',
      'intents:',
      '  Broken:',
      '    data:',
      '      - sentences: ["open the {portal}", "close (the door"]',
      '      - sentences: []',
      '        colour: red',
      'lists:',
      '  speeds:',
      '    range: {from: 5, to: 1}',
    ].join('\n');
    let error: unknown;
    try {
      importHaSentences(language.registry, bad, 'bad.yaml');
    } catch (err) {
      error = err;
    }
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED' });
    const paths = (error as { details: { problems: Array<{ path: string }> } }).details.problems.map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining(['intents.Broken.data[1].sentences', 'intents.Broken.data[1]', 'lists.speeds.range']),
    );

    const unknownList =
      'language: en\nintents:\n  Broken:\n    data:\n      - sentences: ["open the {portal}", "close (the door"]\n';
    expect(() => importHaSentences(language.registry, unknownList, 'bad.yaml')).toThrow(
      /intents\.Broken\.data\[0\]\.sentences\[0\]: the list \{portal\} is not defined[\s\S]*sentences\[1\]:.*never closed/,
    );
    expect(() => importHaSentences(language.registry, 'language: [', 'bad.yaml')).toThrow(/not valid YAML/);
  });
});
