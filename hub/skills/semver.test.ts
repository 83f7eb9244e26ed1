import { describe, expect, it } from 'vitest';
import { parseRange, satisfies } from './semver.js';

describe('semver', () => {
  it.each([
    ['0.1.0', '>=0.1.0 <1.0.0', true],
    ['1.0.0', '>=0.1.0 <1.0.0', false],
    ['0.1.5', '^0.1.0', true],
    ['0.2.0', '^0.1.0', false],
    ['1.9.0', '^1.2', true],
    ['2.0.0', '^1.2', false],
    ['1.2.9', '~1.2.3', true],
    ['1.3.0', '~1.2.3', false],
    ['0.1.0', '*', true],
    ['3.1.4', '1.x || 3.x', true],
    ['2.1.4', '1.x || 3.x', false],
    ['1.0.0-beta', '>=1.0.0', false],
  ])('%s in %s → %s', (version, range, expected) => {
    expect(satisfies(version, range)).toBe(expected);
  });

  it('refuses ranges it cannot read', () => {
    expect(parseRange('>=banana')).toBeUndefined();
    expect(satisfies('1.0.0', 'latest')).toBe(false);
  });
});
