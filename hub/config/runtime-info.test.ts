import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RUNTIME_FILE, writeRuntimeInfo, type RuntimeInfo } from './runtime-info.js';

const info: RuntimeInfo = {
  pid: 4242,
  version: '0.0.0',
  startedAt: '2026-11-23T00:00:00.000Z',
  http: { url: 'http://127.0.0.1:8080', port: 8080 },
  mqtt: { url: 'mqtt://127.0.0.1:1883', port: 1883 },
};
let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('writeRuntimeInfo', () => {
  it('replaces hub.json whole and leaves no temporary file beside it', () => {
    dir = mkdtempSync(join(tmpdir(), 'hearth-runtime-'));
    writeRuntimeInfo(dir, { ...info, pid: 1 });
    const file = writeRuntimeInfo(dir, info);
    expect(file).toBe(join(dir, RUNTIME_FILE));
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(info);
    expect(readdirSync(dir)).toEqual([RUNTIME_FILE]);
  });
});
