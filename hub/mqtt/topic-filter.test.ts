import { describe, expect, it } from 'vitest';
import { filterCovers, isValidTopicFilter, isValidTopicName, parseSharedFilter, topicMatches } from './topic-filter.js';

describe('topicMatches', () => {
  it.each([
    ['hearth/lamp/state', 'hearth/lamp/state', true],
    ['hearth/+/state', 'hearth/lamp/state', true],
    ['hearth/+/state', 'hearth/lamp/set', false],
    ['hearth/#', 'hearth/lamp/state', true],
    ['hearth/#', 'hearth', true],
    ['hearth/lamp/#', 'hearth/lampx/state', false],
    ['+', 'a', true],
    ['+', 'a/b', false],
    ['+/+', '/b', true],
    ['#', '$SYS/broker/uptime', false],
    ['+/broker', '$SYS/broker', false],
    ['$SYS/#', '$SYS/broker/uptime', true],
    ['a/b', 'a/b/c', false],
    ['a/b/c', 'a/b', false],
  ])('%s ~ %s → %s', (filter, topic, expected) => {
    expect(topicMatches(filter, topic)).toBe(expected);
  });

  it('agrees with matching split levels for every filter and topic over a small alphabet', () => {
    const splitMatch = (filter: string, topic: string) => {
      const f = filter.split('/');
      const t = topic.split('/');
      if (topic.startsWith('$') && (f[0] === '+' || f[0] === '#')) return false;
      for (let i = 0; i < f.length; i++) {
        if (f[i] === '#') return true;
        if (i >= t.length || (f[i] !== '+' && f[i] !== t[i])) return false;
      }
      return f.length === t.length;
    };
    const levels = ['', 'a', 'ab', '$s'];
    const join = (n: number, pick: (i: number) => string) => Array.from({ length: n }, (_, i) => pick(i)).join('/');
    let compared = 0;
    for (let seed = 0; seed < 4000; seed++) {
      const digit = (k: number, base: number) => Math.floor(seed / base ** k) % base;
      const topic = join(1 + (seed % 3), (i) => levels[digit(i + 1, 4)]!);
      const filterLevels = [...levels, '+', '#'];
      const filter = join(1 + digit(4, 3), (i) => filterLevels[(digit(i, 6) + seed) % 6]!);
      expect(topicMatches(filter, topic), `${filter} ~ ${topic}`).toBe(splitMatch(filter, topic));
      compared++;
    }
    expect(compared).toBe(4000);
  });
});

describe('filterCovers', () => {
  it.each([
    ['hearth/lamp/#', 'hearth/lamp/set', true],
    ['hearth/lamp/#', 'hearth/lamp/+', true],
    ['hearth/lamp/#', 'hearth/lamp/#', true],
    ['hearth/lamp/#', 'hearth/lamp', true],
    ['hearth/lamp/#', 'hearth/#', false],
    ['hearth/lamp/#', 'hearth/+/set', false],
    ['hearth/lamp/#', 'hearth/other/set', false],
    ['homeassistant/+/lamp/#', 'homeassistant/light/lamp/config', true],
    ['homeassistant/+/lamp/#', 'homeassistant/+/lamp/#', true],
    ['homeassistant/+/lamp/#', 'homeassistant/light/other/config', false],
    ['a/+', 'a/#', false],
    ['#', '$SYS/x', false],
  ])('%s covers %s → %s', (allowed, requested, expected) => {
    expect(filterCovers(allowed, requested)).toBe(expected);
  });
});

describe('validation', () => {
  it('accepts well-formed filters and rejects misplaced wildcards', () => {
    for (const ok of ['#', '+', 'a/+/b', 'a/#', '/', 'a//b']) expect(isValidTopicFilter(ok)).toBe(true);
    for (const bad of ['', 'a/#/b', 'a#', 'a/b+', '+a', 'x\u0000y']) expect(isValidTopicFilter(bad)).toBe(false);
  });

  it('rejects wildcards in topic names', () => {
    expect(isValidTopicName('hearth/lamp/state')).toBe(true);
    expect(isValidTopicName('hearth/+/state')).toBe(false);
    expect(isValidTopicName('hearth/#')).toBe(false);
    expect(isValidTopicName('')).toBe(false);
  });
});

describe('parseSharedFilter', () => {
  it('splits $share/<group>/<filter>', () => {
    expect(parseSharedFilter('$share/hub/hearth/+/state')).toEqual({ group: 'hub', filter: 'hearth/+/state' });
    expect(parseSharedFilter('hearth/+/state')).toEqual({ filter: 'hearth/+/state' });
    expect(parseSharedFilter('$share/onlygroup')).toEqual({ filter: '$share/onlygroup' });
  });
});
