import { describe, expect, it } from 'vitest';
import { ManualClock } from '../sdk/clock.js';
import { MutedReplies } from './muted-replies.js';

describe('MutedReplies', () => {
  it('mutes the area it was heard in until the time said, and no other area', () => {
    const clock = new ManualClock();
    const muted = new MutedReplies(clock);
    muted.apply({ type: 'replies_muted', until: clock.now() + 60_000 }, 'kitchen');
    expect(muted.isMuted('kitchen')).toBe(true);
    expect(muted.isMuted('bedroom')).toBe(false);
    expect(muted.isMuted(undefined)).toBe(false);
    clock.advance(59_999);
    expect(muted.isMuted('kitchen')).toBe(true);
    clock.advance(1);
    expect(muted.isMuted('kitchen')).toBe(false);
  });

  it('a named area wins over where it was heard; without a time it lasts until unmuted', () => {
    const clock = new ManualClock();
    const muted = new MutedReplies(clock);
    muted.apply({ type: 'replies_muted', area: 'bedroom' }, 'kitchen');
    expect(muted.isMuted('kitchen')).toBe(false);
    clock.advance(7 * 24 * 3_600_000);
    expect(muted.isMuted('bedroom')).toBe(true);
    muted.apply({ type: 'replies_unmuted' }, 'kitchen');
    expect(muted.isMuted('bedroom')).toBe(true);
    muted.apply({ type: 'replies_unmuted' }, 'bedroom');
    expect(muted.isMuted('bedroom')).toBe(false);
  });

  it('heard in no area it holds everywhere, and unmuting anywhere lifts that', () => {
    const muted = new MutedReplies(new ManualClock());
    muted.apply({ type: 'replies_muted' }, undefined);
    expect(muted.isMuted('kitchen')).toBe(true);
    expect(muted.isMuted(undefined)).toBe(true);
    muted.apply({ type: 'replies_unmuted' }, 'kitchen');
    expect(muted.isMuted('kitchen')).toBe(false);
    expect(muted.isMuted(undefined)).toBe(false);
    muted.apply({ type: 'replies_muted' }, 'kitchen');
    muted.apply({ type: 'replies_muted' }, 'bedroom');
    muted.apply({ type: 'replies_unmuted' }, undefined);
    expect(muted.isMuted('kitchen') || muted.isMuted('bedroom')).toBe(false);
  });
});
