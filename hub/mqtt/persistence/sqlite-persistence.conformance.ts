/**
 * Runs aedes-persistence's own abstract conformance suite (node:test) against SqlitePersistence.
 * Started by sqlite-persistence.test.ts in a child `node --test`, because the suite is written for node:test.
 */
import { test } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { SqlitePersistence } from './sqlite-persistence.js';

const require = createRequire(import.meta.url);
const abstractSuite = require('aedes-persistence/abstract.js') as (opts: Record<string, unknown>) => void;
const dir = mkdtempSync(join(tmpdir(), 'hearth-aedes-conformance-'));
// The abstract suite has no hook at its end; the test process's exit is.
process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
let n = 0;

abstractSuite({
  test,
  persistence: () => new SqlitePersistence(join(dir, `p${n++}.db`)),
  testAsync: true,
});
