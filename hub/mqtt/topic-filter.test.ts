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
