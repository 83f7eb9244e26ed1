/**
 * `npm install` on the oldest Node the package promises (its `engines`) must be warning-free: every installed
 * package's own `engines.node` accepts those versions (light-my-request is pinned for this: 6.8 pulls cookie 2,
 * which wants Node 22).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { satisfies } from '../../hub/skills/semver.js';
import { REPO_ROOT } from '../harness/hub.js';

const read = (file: string) => JSON.parse(readFileSync(join(REPO_ROOT, file), 'utf8')) as Record<string, any>;

describe('the Node versions the package promises', () => {
  it('are accepted by every installed package', () => {
    const promised: string = read('package.json').engines.node;
    const oldest = promised
      .split('||')
      .map((alternative) => /(\d+\.\d+)(\.\d+)?/.exec(alternative)![0])
      .map((v) => (v.split('.').length === 2 ? `${v}.0` : v));
    expect(oldest).toEqual(['20.19.0', '22.13.0']);
    const refusing: string[] = [];
    for (const [path, entry] of Object.entries(
      read('package-lock.json').packages as Record<string, { engines?: { node?: string } }>,
    )) {
      const range = entry.engines?.node?.replace(/(>=|<=|>|<|\^|~)\s+/g, '$1');
      if (!range) continue;
      for (const version of oldest)
        if (!satisfies(version, range)) refusing.push(`${path || 'hearth'} (${range}) refuses Node ${version}`);
    }
    expect(refusing).toEqual([]);
  });
});
