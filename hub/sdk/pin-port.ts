/**
 * The household PIN, checked by the hub: skills call `ctx.verifyPin(spoken)` (permission `pin:verify`) and never
 * see the stored hash. Wrong attempts are counted per person across every dialog (purchases and unlocking share
 * the counter); after too many the PIN is refused for a while, even the right one.
 */

export type PinCheck =
  | { status: 'ok' }
  /** `message` says it was wrong and, when this was the last try, that the PIN is now locked and for how long. */
  | { status: 'wrong'; attemptsLeft: number; lockedUntil?: number; message: string }
  /** Refused without checking: too many wrong PINs. `lockedUntil` is epoch ms. */
  | { status: 'locked'; lockedUntil: number; message: string }
  /** The hub has no PIN configured (commerce.pin.hash). */
  | { status: 'unset'; message: string };

/** What the skills runtime needs from the hub's PIN service; `user` is the person who spoke (undefined: unknown). */
export interface PinPort {
  verify(user: string | undefined, pin: string): Promise<PinCheck>;
}
