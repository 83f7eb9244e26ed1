/**
 * Temporary directories for tests, removed however the test file ends: after the file's last test (an afterAll
 * registered here for every test file that imports this, since each file loads its own copy of the module), even
 * after a failed assertion or a forgotten cleanup. Outside vitest (benchmarks) they go when the process exits.
 * Tests may still remove theirs earlier.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made = new Set<string>();

// The test process is ended by the runner with a signal, so an 'exit' handler alone does not run there.
if (process.env.VITEST) {
  const { afterAll } = await import('vitest');
  afterAll(removeAll);
} else process.once('exit', removeAll);

export function makeTempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.add(dir);
  return dir;
}

function removeAll(): void {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
  made.clear();
}
