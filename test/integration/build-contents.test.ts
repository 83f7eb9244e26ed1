/**
 * What `npm run build` compiles into dist/ (tsconfig.build.json): the product, and no tests or test helpers.
 * Test helpers live in folders named `testing/` (one scheme), which the build leaves out.
 */
import { readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

function buildFiles(): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(ROOT, 'tsconfig.build.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  );
  if (!config) throw new Error('tsconfig.build.json could not be read');
  return config.fileNames.map((f) => relative(ROOT, f));
}

function directoriesNamed(name: string, dir: string, found: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.'))
      continue;
    const path = join(dir, entry.name);
    if (entry.name === name) found.push(relative(ROOT, path));
    directoriesNamed(name, path, found);
  }
  return found;
}

describe('the build', () => {
  it('compiles the product and leaves tests and test helpers out', () => {
    const files = buildFiles();
    expect(files).toContain('hub/main.ts');
    expect(files).toContain('firmware-sim/index.ts');
    expect(files.filter((f) => f.endsWith('.test.ts'))).toEqual([]);
    expect(files.filter((f) => f.split('/').includes('testing'))).toEqual([]);
    expect(files.filter((f) => f.endsWith('.conformance.ts'))).toEqual([]);
  });

  it('finds test helpers in testing/ folders only (no second naming scheme)', () => {
    expect(directoriesNamed('testing', ROOT).length).toBeGreaterThan(0);
    for (const other of ['test-support', 'test-utils', 'test-helpers', '__tests__'])
      expect(directoriesNamed(other, ROOT)).toEqual([]);
  });
});
