/**
 * Reproducible "random" input for fuzz-style tests: the same seed gives the same sequence on every run,
 * so a failure seen once in CI happens again on a laptop.
 */

export { seededRandom } from '../../hub/core/seeded-random.js';

/** An integer in [min, max), like `crypto.randomInt(min, max)`. */
export function seededInt(random: () => number, min: number, max: number): number {
  return min + Math.floor(random() * (max - min));
}

/** `length` bytes, like `crypto.randomBytes(length)`. */
export function seededBytes(random: () => number, length: number): Buffer {
  const bytes = Buffer.alloc(length);
  for (let i = 0; i < length; i++) bytes[i] = Math.floor(random() * 256);
  return bytes;
}
