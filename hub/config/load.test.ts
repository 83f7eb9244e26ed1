import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HubError } from '../sdk/errors.js';
import { loadConfig } from './load.js';

const dir = mkdtempSync(join(tmpdir(), 'hearth-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

function tempFile(text: string): string {
  const file = join(dir, `home-${++files}.yaml`);
  writeFileSync(file, text);
  return file;
}

function loadError(text: string): HubError {
  try {
    loadConfig({ configFile: tempFile(text), env: {} });
  } catch (err) {
    if (err instanceof HubError) return err;
    throw err;
  }
  throw new Error('expected the config to be rejected');
}

describe('loadConfig', () => {
  it('loads the defaults alone, resolves dataDir and freezes the result', () => {
    const config = loadConfig({ env: {}, cwd: '/srv/hearth' });
    expect(config.http.port).toBe(8080);
    expect(config.mqtt.port).toBe(1883);
    expect(config.dataDir).toBe('/srv/hearth/data');
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.http)).toBe(true);
    expect(() => {
      (config.http as { port: number }).port = 1;
    }).toThrow(TypeError);
  });

  it('merges the user file over the defaults and CLI overrides over both', () => {
    const file = tempFile('http:\n  port: 9000\nmqtt:\n  port: 1999\nlogLevel: warn\n');
    const config = loadConfig({
      configFile: file,
      env: {},
      overrides: { mqttPort: 0, host: '0.0.0.0', dataDir: '/tmp/x' },
    });
    expect(config.http.port).toBe(9000);
    expect(config.http.host).toBe('0.0.0.0');
    expect(config.mqtt.port).toBe(0);
    expect(config.mqtt.commandTimeoutMs).toBe(5000);
    expect(config.logLevel).toBe('warn');
    expect(config.dataDir).toBe('/tmp/x');
  });

  it('reads HEARTH_CONFIG when no --config is given', () => {
    const file = tempFile('http:\n  port: 9100\n');
    expect(loadConfig({ env: { HEARTH_CONFIG: file } }).http.port).toBe(9100);
  });

  it('loads the example household', () => {
    const config = loadConfig({ configFile: 'config/example-household.yaml', env: {} });
    expect(config.floors).toHaveLength(2);
    expect(config.areas).toHaveLength(7);
    expect(config.devices).toHaveLength(25);
    expect(config.devices.map((d) => d.type)).toEqual(expect.arrayContaining(['vehicle', 'appliance']));
  });

  it("reports every problem of the file at once: a bad type does not hide the next device's unknown area or a bad port", () => {
    const err = loadError(
      'http:\n  port: 99999\nfloors: [{id: ground, name: Ground}]\nareas: [{id: hall, name: Hall, floor: attic}]\ndevices:\n' +
        '  - {id: a, name: A, type: lamp, area: hall}\n  - {id: b, name: B, type: light, area: cellar}\n  - {id: a, name: C, type: light}\n',
    );
    expect(err.code).toBe('CONFIG_INVALID');
    expect((err.details as { problems: { path: string }[] }).problems.map((p) => p.path)).toEqual([
      'areas[0].floor',
      'devices[0].type',
      'devices[1].area',
      'devices[2].id',
      'http.port',
    ]);
    expect(err.message).toMatch(/devices\[1\]\.area: unknown area "cellar" \(areas: hall\)/);
    expect(err.message).toMatch(/areas\[0\]\.floor: unknown floor "attic" \(floors: ground\)/);
    expect(err.message).toMatch(/Fix these keys and start again\.$/);
  });

  it('words a YAML syntax error as one, with its line and column', () => {
    const err = loadError('devices:\n  - {id: a, name: A, type: light\n');
    expect(err.message).toMatch(/line \d+, column \d+: YAML syntax error: /);
    expect(err.message).toMatch(/Fix the YAML at these places and start again\.$/);
    expect(err.message).not.toMatch(/keys/);
  });

  it('names the key and the allowed values for a bad device type', () => {
    const err = loadError(
      'areas: [{id: hall, name: Hall}]\ndevices:\n' +
        ['a', 'b', 'c'].map((id) => `  - {id: ${id}, name: ${id}, type: light}\n`).join('') +
        '  - {id: d, name: Lamp, type: lamp}\n',
    );
    expect(err.code).toBe('CONFIG_INVALID');
    expect(err.message).toMatch(/devices\[3\]\.type: must be one of light, switch, .*\(got "lamp"\)/);
  });

  it('takes the retained-message flush interval and names the key when it is out of range', () => {
    expect(loadConfig({ configFile: tempFile('mqtt:\n  retainedFlushMs: 250\n'), env: {} }).mqtt.retainedFlushMs).toBe(
      250,
    );
    expect(loadConfig({ env: {} }).mqtt.retainedFlushMs).toBe(1000);
    const err = loadError('mqtt:\n  retainedFlushMs: 90000\n');
    expect(err.code).toBe('CONFIG_INVALID');
    expect(err.message).toContain('mqtt.retainedFlushMs');
  });

  it('reports every problem, each with its path', () => {
    const err = loadError(
      'http:\n  port: "eighty"\nmqtt:\n  prot: 1883\nareas:\n  - {id: kitchen, name: Kitchen, floor: attic}\n',
    );
    const problems = (err.details as { problems: { path: string; message: string }[] }).problems;
    const paths = problems.map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['http.port', 'mqtt.prot']));
    expect(err.message).toContain('http.port: must be number (got "eighty")');
    expect(err.message).toContain('mqtt.prot: unknown key');
  });

  it('reports cross-reference problems from the schema (unknown floor, duplicate ids)', () => {
    const err = loadError(
      'floors: [{id: ground, name: Ground}]\nareas:\n  - {id: kitchen, name: Kitchen, floor: attic}\n  - {id: kitchen, name: Kitchen 2}\n',
    );
    expect(err.message).toContain('areas[0].floor: unknown floor "attic"');
    expect(err.message).toContain('areas[1].id: duplicate id "kitchen"');
  });

  it('names the line and column of a YAML syntax error', () => {
    const err = loadError('logLevel: info\nhttp:\n  port: 8080\nhttp:\n  host: 0.0.0.0\n');
    expect(err.code).toBe('CONFIG_INVALID');
    expect(err.message).toMatch(/line 4, column \d+: YAML syntax error/);
  });

  it('says so when the config file does not exist', () => {
    expect(() => loadConfig({ configFile: '/nonexistent/hearth.yaml', env: {} })).toThrow(/file not found/);
  });

  it('rejects a file that is not a mapping', () => {
    expect(loadError('- just\n- a list\n').message).toContain('(root): the file must be a YAML mapping');
  });
});
