import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { permissionModelSupport, runnerFiles, sandboxExecArgv } from './sandbox-support.js';

describe('permission model support', () => {
  it('uses the sandbox on Node 20 with --experimental-permission, and explains why not elsewhere', () => {
    expect(permissionModelSupport('20.20.2', new Set(['--experimental-permission']))).toEqual({ available: true });
    expect(permissionModelSupport('20.20.2', new Set())).toMatchObject({
      available: false,
      reason: expect.stringContaining('no --experimental-permission'),
    });
    expect(permissionModelSupport('22.12.0', new Set(['--experimental-permission']))).toMatchObject({
      available: false,
      reason: expect.stringContaining('Node 22.12.0'),
    });
  });

  it('grants reads of the given paths only, and nothing else', () => {
    const argv = sandboxExecArgv(['/skills/a', '/hub/runner.mjs'], 48);
    expect(argv).toEqual([
      '--experimental-permission',
      '--allow-fs-read=/skills/a',
      '--allow-fs-read=/hub/runner.mjs',
      '--max-old-space-size=48',
      '--disable-warning=ExperimentalWarning',
    ]);
    expect(argv.some((a) => /allow-(fs-write|child-process|worker|addons|wasi)/.test(a))).toBe(false);
  });

  it('finds the runner and the modules it imports', () => {
    const { runner, readable } = runnerFiles();
    expect(readable).toContain(runner);
    for (const file of readable) expect(existsSync(file)).toBe(true);
  });
});
