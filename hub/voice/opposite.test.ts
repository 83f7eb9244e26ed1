import { describe, expect, it } from 'vitest';
import { opposites } from './opposite.js';

describe('opposites', () => {
  it('swaps the one deciding word', () => {
    expect(opposites('turn off the kitchen light')).toEqual(['turn on the kitchen light']);
    expect(opposites('switch the kettle on')).toEqual(['switch the kettle off']);
    expect(opposites('unlock the front door')).toEqual(['lock the front door']);
    expect(opposites('open the garage door')).toEqual(['close the garage door']);
    expect(opposites('toggle the hall light')).toEqual(['turn on the hall light', 'turn off the hall light']);
  });

  it('leaves commands without one, or with two, alone', () => {
    expect(opposites('set the bedroom thermostat to twenty')).toEqual([]);
    expect(opposites('turn on the light and turn off the fan')).toEqual([]);
    expect(opposites('turn the lights on at the front door')).toEqual(['turn the lights off at the front door']);
  });
});
