import { describe, expect, it } from 'vitest';
import { assertHubCompatible, manifestFromFiles, parseManifest, resolveSkillConfig } from './manifest.js';

const valid = {
  id: 'weather',
  version: '1.0.0',
  hub: '>=0.1.0 <1.0.0',
  permissions: ['http:api.weather.test', 'devices:control:light', 'storage'],
  intents: { GetWeather: { sentences: ["what's the weather [today]"] } },
  config: { city: { type: 'string', required: true } },
};

describe('skill manifest', () => {
  it('accepts a valid manifest and fills defaults', () => {
    const m = parseManifest(valid);
    expect(m.main).toBe('index.js');
    expect(m.permissions).toEqual(['http:api.weather.test', 'devices:control:light', 'storage']);
    expect(parseManifest({ ...valid, permissions: ['devices:control:lock', 'devices:unlock'] }).permissions).toEqual([
      'devices:control:lock',
      'devices:unlock',
    ]);
  });

  it.each([
    [{ permissions: ['root'] }, 'unknown permission "root"'],
    [{ permissions: ['http:*.example.com'] }, 'wildcard host'],
    [{ permissions: ['http:*'] }, 'wildcard host'],
    [{ permissions: ['devices:control:toaster'] }, 'unknown device type "toaster"'],
    [{ permissions: ['devices:unlock'] }, 'also declare "devices:control"'],
    [{ id: 'Bad Id' }, 'id'],
    [{ version: 'one' }, 'semantic version'],
    [{ hub: 'whenever' }, 'semver range'],
    [{ main: '../../etc/passwd' }, 'inside the package'],
    [{ intents: {} }, 'at least one intent'],
    [{ extra: true }, 'extra'],
  ])('refuses %j with the reason', (patch, reason) => {
    expect(() => parseManifest({ ...valid, ...patch })).toThrow(
      expect.objectContaining({ code: 'MANIFEST_INVALID', message: expect.stringContaining(reason) }),
    );
  });

  it('reads the hearth block of package.json, and prefers skill.json', () => {
    expect(manifestFromFiles({ packageJson: JSON.stringify({ name: 'x', hearth: valid }) }).id).toBe('weather');
    expect(
      manifestFromFiles({
        skillJson: JSON.stringify({ ...valid, id: 'other' }),
        packageJson: JSON.stringify({ hearth: valid }),
      }).id,
    ).toBe('other');
    expect(() => manifestFromFiles({ packageJson: '{"name":"x"}' })).toThrow(/no "hearth" block/);
  });

  it('checks the supported hub versions at load', () => {
    const m = parseManifest({ ...valid, hub: '^2.0.0' });
    expect(() => assertHubCompatible(m, '0.1.0')).toThrow(/supports hub versions "\^2.0.0" but this hub is 0.1.0/);
  });

  it('validates the skill configuration against its schema', () => {
    const m = parseManifest(valid);
    expect(resolveSkillConfig(m, { city: 'Utrecht' })).toEqual({ city: 'Utrecht' });
    expect(() => resolveSkillConfig(m, {})).toThrow(/city is required/);
    expect(() => resolveSkillConfig(m, { city: 3 })).toThrow(/must be a string/);
  });
});
