import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../core/clock.js';
import { silentLogger } from '../../core/logger.js';
import type { CapabilityGate } from '../capabilities.js';
import { WorkerSkill } from './worker-skill.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function skillFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-sandbox-'));
  dirs.push(dir);
  writeFileSync(
    join(dir, 'index.mjs'),
    `export default { id: 'echo', version: '1.0.0', permissions: [], intents: {},
    async handle(intent) { return { reply: 'echo ' + intent.name + ' from ' + (typeof process.permission?.has === 'function' && !process.permission.has('child') ? 'sandbox' : 'open') }; } };\n`,
  );
  return join(dir, 'index.mjs');
}

const gate = {} as CapabilityGate;
const call = { kind: 'handle' as const, intent: { name: 'Ping', slots: {} }, utterance: { text: 'ping', targets: [] } };

describe('WorkerSkill', () => {
  it.each([
    ['process', 'sandbox'],
    ['thread', 'open'],
  ] as const)('runs a skill in a %s', async (sandbox, where) => {
    const skill = new WorkerSkill(
      { id: 'echo', entry: skillFile(), config: {}, memoryLimitMb: 64, sandbox },
      gate,
      new ManualClock(),
      silentLogger,
    );
    expect(skill.sandbox).toBe(sandbox);
    await skill.start();
    try {
      const response = await skill.call(call, {} as never, { timeoutMs: 5000, maxDeviceWaitMs: 5000 });
      expect(response?.reply).toBe(`echo Ping from ${where}`);
    } finally {
      await skill.stop();
    }
  });
});
