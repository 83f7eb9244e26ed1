import { describe, expect, it } from 'vitest';
import { describeUnavailable, soundsPlural } from './device-replies.js';

const now = Date.parse('2026-12-07T12:00:00Z');

describe('describeUnavailable', () => {
  it('says a device never seen has not connected yet, and one seen before is offline since then', () => {
    expect(describeUnavailable({ name: 'Kitchen light' }, now)).toBe(
      "The kitchen light hasn't connected to the hub yet.",
    );
    expect(describeUnavailable({ name: 'Front door', lastSeen: '2026-12-07T11:57:10Z' }, now)).toBe(
      'The front door is offline; last seen 2 minutes ago.',
    );
    expect(describeUnavailable({ name: 'Front door', lastSeen: '2026-12-07T11:59:30Z' }, now)).toBe(
      'The front door is offline; last seen just now.',
    );
  });

  it('agrees with a plural name: "the living room blinds are offline", not "is"', () => {
    expect(describeUnavailable({ name: 'Living room blinds' }, now)).toBe(
      "The living room blinds haven't connected to the hub yet.",
    );
    expect(describeUnavailable({ name: 'Counter lights', lastSeen: '2026-12-07T10:00:00Z' }, now)).toBe(
      'The counter lights are offline; last seen 2 hours ago.',
    );
  });
});

describe('soundsPlural', () => {
  it('hears plural names by their last word', () => {
    for (const name of ['Living room blinds', 'Counter lights', 'Bedroom curtains', 'Patio speakers', 'Shades'])
      expect(soundsPlural(name), name).toBe(true);
  });

  it('does not take a word that merely ends in s for a plural', () => {
    for (const name of ['Front door', 'Glass', 'Cactus', 'Chassis', 'Sonos', "Anna's", 'Thermostat', 'Gas'])
      expect(soundsPlural(name), name).toBe(false);
  });
});
