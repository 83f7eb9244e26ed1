import { describe, expect, it } from 'vitest';
import { sentenceKey } from './near-copies.js';

describe('near copies between batches', () => {
  it('are the same words once case, punctuation and words that change nothing are gone', () => {
    expect(sentenceKey('Kitchen lights off, please!')).toBe(sentenceKey('kitchen lights off'));
    expect(sentenceKey("what's on the shopping list")).toBe(sentenceKey('whats on shopping list'));
    expect(sentenceKey('just pause the telly now')).toBe(sentenceKey('pause telly'));
  });

  it('keep what changes the request: the action, the question, the device', () => {
    expect(sentenceKey('turn on the lights')).not.toBe(sentenceKey('turn off the lights'));
    expect(sentenceKey('is the porch light on')).not.toBe(sentenceKey('porch light on'));
    expect(sentenceKey('lights on in the kitchen')).not.toBe(sentenceKey('lights on in the office'));
  });
});
