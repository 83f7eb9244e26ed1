import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keepLargeAllocationsOnMmap } from './malloc-tuning.js';

const repo = resolve(import.meta.dirname, '../..');

/** Verifies 16 passwords, 8 at a time, in a fresh process and prints how much RSS stayed behind (MB). */
const burst = `
const { hashPassword, verifyPasswordAsync } = await import('./hub/mqtt/password-hash.ts');
const stored = hashPassword('correct horse');
const rss = () => process.memoryUsage().rss / 1048576;
const before = rss();
for (let round = 0; round < 2; round++)
  await Promise.all(Array.from({ length: 8 }, () => verifyPasswordAsync('correct horse', stored)));
await new Promise((r) => setTimeout(r, 50));
console.log(JSON.stringify({ retainedMb: rss() - before }));`;

describe('keepLargeAllocationsOnMmap', () => {
  it('applies on this Linux/glibc machine and answers the same on later calls', () => {
    expect(keepLargeAllocationsOnMmap()).toBe(true);
    expect(keepLargeAllocationsOnMmap()).toBe(true);
  });

  it('leaves no scrypt work memory behind after a burst of verifications', () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', burst], {
      cwd: repo,
      encoding: 'utf8',
    });
    const { retainedMb } = JSON.parse(out.trim().split('\n').pop()!) as { retainedMb: number };
    // Without the pinned threshold each of the 4 libuv threads keeps a 16 MB block (~64 MB here).
    expect(retainedMb).toBeLessThan(24);
  });
});
