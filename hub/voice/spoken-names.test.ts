import { describe, expect, it } from 'vitest';
import { withSpokenNames } from './spoken-names.js';

const NAMES = ['bedroom light', 'living room blinds', 'kettle', 'porch lights', 'porch light'];

describe('withSpokenNames', () => {
  it('takes a phrase one final "s" away from a device name as that device', () => {
    expect(withSpokenNames('turn on the bedroom lights', NAMES)).toBe('turn on the bedroom light');
    expect(withSpokenNames('open the living room blind', NAMES)).toBe('open the living room blinds');
    expect(withSpokenNames('set the bedroom lights to thirty percent', NAMES)).toBe(
      'set the bedroom light to thirty percent',
    );
  });

  it('leaves exact names, other words and names that exist both ways alone', () => {
    expect(withSpokenNames('turn on the bedroom light', NAMES)).toBe('turn on the bedroom light');
    expect(withSpokenNames('turn on the kitchen lights', NAMES)).toBe('turn on the kitchen lights');
    expect(withSpokenNames('turn off the porch lights', NAMES)).toBe('turn off the porch lights');
    expect(withSpokenNames('turn off the porch light', NAMES)).toBe('turn off the porch light');
    expect(withSpokenNames('turn on the kettles', NAMES)).toBe('turn on the kettle');
    expect(withSpokenNames('the bedroom lightswitch', NAMES)).toBe('the bedroom lightswitch');
  });
});
