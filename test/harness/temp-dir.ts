/**
 * Temporary directories for tests that are removed however the test file ends: when the test process exits
 * (each test file runs in its own process), every directory made here goes, even after a failed assertion or a
 * forgotten cleanup. Tests may still remove theirs earlier.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made = new Set<string>();

export function makeTempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  if (made.size === 0) process.once('exit', removeAll);
  made.add(dir);
  return dir;
}

function removeAll(): void {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
  made.clear();
}
