/**
 * Runs aedes-persistence's own abstract conformance suite (node:test) against SqlitePersistence.
 * Started by sqlite-persistence.test.ts in a child `node --test`, because the suite is written for node:test.
 */
import { test } from 'node:test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { SqlitePersistence } from './sqlite-persistence.js';

const require = createRequire(import.meta.url);
const abstractSuite = require('aedes-persistence/abstract.js') as (opts: Record<string, unknown>) => void;
const dir = mkdtempSync(join(tmpdir(), 'hearth-aedes-conformance-'));
let n = 0;

abstractSuite({
  test,
  persistence: () => new SqlitePersistence(join(dir, `p${n++}.db`)),
  testAsync: true,
});
