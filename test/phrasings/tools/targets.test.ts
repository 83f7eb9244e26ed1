import { describe, expect, it } from 'vitest';
import { Household } from '../lib/household.js';
import { judge } from '../lib/score.js';
import { expectedTargets } from './targets.js';

const home = Household.load();
const kitchen = home.areaById('kitchen');
const office = home.areaById('office');
const lightsOff = { name: 'HassTurnOff', slots: { domain: 'light' } };

describe('expected targets on the held-out household', () => {
  it('tells "all the lights" (every light) from "the lights" (the satellite room), which share one frame', () => {
    const every = expectedTargets(lightsOff, kitchen, true, home)!;
    expect(every).toHaveLength(home.file.devices.filter((d) => d.type === 'light').length);
    expect(expectedTargets(lightsOff, kitchen, false, home)).toEqual([
      'island-pendants',
      'kitchen-ceiling',
      'under-cabinet',
    ]);
    expect(expectedTargets(lightsOff, undefined, false, home)).toBeUndefined();
  });

  it('picks a shared name by the spoken area, else the satellite room, and a floor by its areas', () => {
    const ceiling = { name: 'HassTurnOn', slots: { name: 'Ceiling Light' } };
    expect(expectedTargets(ceiling, office, false, home)).toEqual(['office-ceiling']);
    expect(expectedTargets(ceiling, kitchen, false, home)).toBeUndefined();
    const leos = { name: 'HassTurnOn', slots: { name: 'Ceiling Light', area: "Leo's Room" } };
    expect(expectedTargets(leos, kitchen, false, home)).toEqual(['leo-ceiling']);
    const cellar = { name: 'HassLightSet', slots: { floor: 'Basement', brightness: 50 } };
    expect(expectedTargets(cellar, kitchen, false, home)).toEqual(['laundry-light', 'led-strip', 'pool-table-light']);
    const blinds = { name: 'HassTurnOff', slots: { domain: 'cover', device_class: 'blind', area: 'Master Bedroom' } };
    expect(expectedTargets(blinds, kitchen, false, home)).toEqual(['blackout-blinds']);
    expect(expectedTargets({ name: 'HassMediaPause', slots: {} }, kitchen, false, home)).toBeUndefined();
  });

  it('scores the right frame on the wrong devices as a targets miss only', () => {
    const c = {
      id: 't',
      text: 'lights off',
      area: 'kitchen',
      kind: 'on-off-room',
      intent: lightsOff,
      targets: ['a', 'b'],
    };
    const answer = (targets: string[]) => ({ intent: lightsOff, targets, actions: [] });
    expect(judge(c, answer(['b', 'a']), home)).toEqual({ intentOk: true, frameOk: true, targetsOk: true });
    expect(judge(c, answer(['a', 'b', 'c']), home)).toEqual({ intentOk: true, frameOk: true, targetsOk: false });
    expect(judge(c, answer(['a', 'a']), home).targetsOk).toBe(false);
    expect(judge({ ...c, targets: undefined }, answer([]), home).targetsOk).toBeUndefined();
  });
});
