import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/load.js';
import { isHubError } from '../sdk/errors.js';

function problems(input: Record<string, unknown>): { path: string; message: string }[] {
  try {
    parseConfig(input);
  } catch (err) {
    if (isHubError(err) && err.code === 'CONFIG_INVALID') return (err.details as { problems: { path: string; message: string }[] }).problems;
    throw err;
  }
  throw new Error('the config was accepted');
}

describe('skills.confirm.openDoorsAndGates', () => {
  it('is on by default and can be turned off', () => {
    expect(parseConfig({}).skills.confirm.openDoorsAndGates).toBe(true);
    expect(parseConfig({ skills: { confirm: { openDoorsAndGates: false } } }).skills.confirm.openDoorsAndGates).toBe(false);
  });

  it('refuses the old openGarageDoors key, naming the new one, whatever its value', () => {
    for (const value of [true, false]) {
      expect(problems({ skills: { confirm: { openGarageDoors: value } } }))
        .toEqual([{ path: 'skills.confirm.openGarageDoors', message: expect.stringMatching(/renamed to skills\.confirm\.openDoorsAndGates.*gates/) }]);
    }
  });

  it('says which field is wrong when the value is not a boolean', () => {
    expect(problems({ skills: { confirm: { openDoorsAndGates: 'yes' } } })).toEqual([{ path: 'skills.confirm.openDoorsAndGates', message: expect.any(String) }]);
  });
});
