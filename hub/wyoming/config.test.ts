/** The Wyoming settings as a household writes them in YAML: mistakes are named with their key. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/load.js';
import { HubError } from '../sdk/errors.js';

function load(yaml: string) {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-wyoming-config-'));
  try {
    writeFileSync(join(dir, 'home.yaml'), yaml);
    return loadConfig({ configFile: join(dir, 'home.yaml'), env: {} });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function problems(yaml: string): { path: string; message: string }[] {
  try {
    load(yaml);
  } catch (err) {
    if (err instanceof HubError) return (err.details as { problems: { path: string; message: string }[] }).problems;
    throw err;
  }
  throw new Error('expected the config to be refused');
}

describe('wyoming config', () => {
  it('is off by default and takes services, satellites and the server from YAML', () => {
    expect(load('{}').wyoming.server).toMatchObject({ enabled: false, host: '127.0.0.1', port: 10600 });
    const config = load(`
voice:
  stt: {wyoming: "tcp://192.168.1.20:10300", model: tiny-int8}
  tts: {wyoming: "tcp://192.168.1.20:10200"}
  wake: {wyoming: "tcp://192.168.1.20:10400", names: [ok_nabu]}
wyoming:
  server: {enabled: true, host: 0.0.0.0, allowedClients: [192.168.1.10]}
  satellites: [{id: kitchen-sat, uri: "tcp://192.168.1.31:10700", area: kitchen}]
  zeroconf: {enabled: true}
`);
    expect(config.voice.stt).toMatchObject({ wyoming: 'tcp://192.168.1.20:10300', model: 'tiny-int8', language: 'en' });
    expect(config.wyoming.satellites[0]).toEqual({
      id: 'kitchen-sat',
      uri: 'tcp://192.168.1.31:10700',
      area: 'kitchen',
    });
  });

  it('names each mistake with its key', () => {
    const found = problems(`
voice:
  stt: {wyoming: "http://whisper:10300"}
wyoming:
  server: {allowedClients: [home-assistant.local]}
  satellites: []
  client: {retryMinMs: 5000, retryMaxMs: 1000}
`);
    const byPath = Object.fromEntries(found.map((p) => [p.path, p.message]));
    expect(byPath['voice.stt.wyoming']).toMatch(/must be tcp:\/\/host:port/);
    expect(Object.keys(byPath).some((p) => p.startsWith('wyoming.server.allowedClients'))).toBe(true);
    expect(byPath['wyoming.client.retryMaxMs']).toMatch(/at least retryMinMs/);
  });

  it('refuses a wake word service with no satellite to use it (checked once the rest is valid)', () => {
    const found = problems('voice:\n  wake: {wyoming: "tcp://192.168.1.20:10400"}\n');
    expect(found).toEqual([
      {
        path: 'voice.wake.wyoming',
        message: expect.stringMatching(/only Wyoming satellites .* wyoming.satellites lists none/),
      },
    ]);
  });

  it('refuses two satellites with one id', () => {
    const found = problems(`
wyoming:
  satellites: [{id: a, uri: "tcp://10.0.0.1:10700"}, {id: a, uri: "tcp://10.0.0.2:10700"}]
`);
    expect(found).toEqual([
      expect.objectContaining({ path: 'wyoming.satellites', message: expect.stringMatching(/ids must be unique/) }),
    ]);
  });
});
