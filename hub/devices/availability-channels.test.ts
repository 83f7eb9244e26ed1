import { describe, expect, it } from 'vitest';
import { AvailabilityChannels } from './availability-channels.js';

describe('AvailabilityChannels', () => {
  it('combines topics by mode', () => {
    const channels = new AvailabilityChannels();
    expect(channels.combine('d', { kind: 'availability', available: true, channel: 'a', mode: 'all' })).toBe(true);
    expect(channels.combine('d', { kind: 'availability', available: false, channel: 'b', mode: 'all' })).toBe(false);
    expect(channels.combine('d', { kind: 'availability', available: true, channel: 'b', mode: 'all' })).toBe(true);
    expect(channels.combine('e', { kind: 'availability', available: true, channel: 'a', mode: 'any' })).toBe(true);
    expect(channels.combine('e', { kind: 'availability', available: false, channel: 'b', mode: 'any' })).toBe(true);
    expect(channels.combine('e', { kind: 'availability', available: false, channel: 'a', mode: 'any' })).toBe(false);
    expect(channels.combine('f', { kind: 'availability', available: false, channel: 'a', mode: 'latest' })).toBe(false);
    expect(channels.combine('f', { kind: 'availability', available: true })).toBe(true);
  });
});
