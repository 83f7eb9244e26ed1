import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = resolve(import.meta.dirname, '../..');

/** Churns surviving objects (as module loading does) inside and then outside the wrapper; prints young-generation MB. */
const script = `
import { getHeapSpaceStatistics } from 'node:v8';
const { withSmallYoungGeneration } = await import('./hub/cli/young-generation.ts');
const youngMb = () => getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').physical_space_size / 1048576;
const churn = async () => { let keep = []; for (let i = 0; i < 2e6; i++) { keep.push({ i, s: 'x' + i }); if (keep.length > 2e5) keep = []; } };
await withSmallYoungGeneration(churn);
const during = youngMb();
await churn();
console.log(JSON.stringify({ during, after: youngMb() }));`;

function run(nodeOptions: string[] = []): { during: number; after: number } {
  const out = execFileSync(process.execPath, [...nodeOptions, '--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: repo,
    encoding: 'utf8',
  });
  return JSON.parse(out.trim().split('\n').pop()!) as { during: number; after: number };
}

describe('withSmallYoungGeneration', () => {
  it('keeps the young generation small while the work runs and lets it grow again afterwards', () => {
    const { during, after } = run();
    expect(during).toBeLessThan(6);
    expect(after).toBeGreaterThan(during * 2);
  });

  it('leaves a growth factor the user chose alone', () => {
    const { during } = run(['--semi-space-growth-factor=2']);
    expect(during).toBeGreaterThan(6);
  });
});
