import { describe, expect, it } from 'vitest';
import { loadSplit } from '../phrasings/lib/cases.js';
import { NON_COMMANDS } from './non-commands.js';
import { NON_COMMANDS_HELDOUT } from './non-commands-heldout.js';

const words = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9' ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

describe('held-out non-commands', () => {
  it('are 100 distinct utterances in spoken form', () => {
    expect(NON_COMMANDS_HELDOUT).toHaveLength(100);
    expect(new Set(NON_COMMANDS_HELDOUT.map(words)).size).toBe(100);
    for (const text of NON_COMMANDS_HELDOUT) expect(text, text).toMatch(/^[a-z][a-z' ]*[a-z]$/);
  });

  it('share no sentence with the tuning set or the held-out phrasings', () => {
    const seen = new Set([
      ...NON_COMMANDS.map(words),
      ...[...loadSplit('dev'), ...loadSplit('sealed')].map((c) => words(c.text)),
    ]);
    expect(NON_COMMANDS_HELDOUT.filter((text) => seen.has(words(text)))).toEqual([]);
  });
});
