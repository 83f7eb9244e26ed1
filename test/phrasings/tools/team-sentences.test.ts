import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sentenceKey } from './near-copies.js';
import { sentenceKeysIn, teamSentenceKeys } from './team-sentences.js';

describe('sentences the team has written', () => {
  it('are found in strings, comment examples and case-table rows, whatever the punctuation around them', () => {
    const keys = sentenceKeysIn(
      [
        "  sentences: ['switch the porch light on', 'forget it, it doesn't matter'],",
        '  // "pause the music for a minute", "hold the timer a sec": understood, not in the frame.',
        '  - [lock every door before bed, HassTurnOn, {domain: lock}]',
      ].join('\n'),
    );
    for (const said of [
      'switch the porch light on',
      "forget it, it doesn't matter",
      'hold the timer a sec',
      'pause the music for a minute',
      'lock every door before bed',
    ])
      expect(keys, said).toContain(sentenceKey(said));
  });

  it('leave out pieces too short to be a sign of copying', () => {
    expect([...sentenceKeysIn("'lights off', 'pause'")]).toEqual([]);
  });

  const repo = mkdtempSync(join(tmpdir(), 'hearth-team-sentences-'));
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  it('are read from the tracked files outside test/phrasings only', () => {
    mkdirSync(join(repo, 'hub'), { recursive: true });
    mkdirSync(join(repo, 'test', 'phrasings', 'dev'), { recursive: true });
    writeFileSync(join(repo, 'hub', 'template.ts'), "export const said = 'open the garden gate please';\n");
    writeFileSync(join(repo, 'hub', 'untracked.ts'), "export const said = 'close the garden gate now';\n");
    writeFileSync(join(repo, 'test', 'phrasings', 'dev', 'b9.jsonl'), '{"text":"turn the hallway light off"}\n');
    execFileSync('git', ['init', '-q'], { cwd: repo });
    execFileSync('git', ['add', 'hub/template.ts', 'test/phrasings'], { cwd: repo });
    const keys = teamSentenceKeys(repo);
    expect(keys).toContain(sentenceKey('open the garden gate'));
    expect(keys).not.toContain(sentenceKey('close the garden gate'));
    expect(keys).not.toContain(sentenceKey('turn the hallway light off'));
  });
});
