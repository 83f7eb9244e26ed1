import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/load.js';
import { configProblems } from '../config/testing/config-problems.js';

describe('skills.confirm.openDoorsAndGates', () => {
  it('is on by default and can be turned off', () => {
    expect(parseConfig({}).skills.confirm.openDoorsAndGates).toBe(true);
    expect(parseConfig({ skills: { confirm: { openDoorsAndGates: false } } }).skills.confirm.openDoorsAndGates).toBe(
      false,
    );
  });

  it('refuses the old openGarageDoors key, naming the new one, whatever its value', () => {
    for (const value of [true, false]) {
      expect(configProblems({ skills: { confirm: { openGarageDoors: value } } })).toEqual([
        {
          path: 'skills.confirm.openGarageDoors',
          message: expect.stringMatching(/renamed to skills\.confirm\.openDoorsAndGates.*gates/),
        },
      ]);
    }
  });

  it('says which field is wrong when the value is not a boolean', () => {
    expect(configProblems({ skills: { confirm: { openDoorsAndGates: 'yes' } } })).toEqual([
      { path: 'skills.confirm.openDoorsAndGates', message: expect.any(String) },
    ]);
  });
});
