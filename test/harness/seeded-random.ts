/**
 * Reproducible "random" input for fuzz-style tests: the same seed gives the same sequence on every run,
 * so a failure seen once in CI happens again on a laptop.
 */

/** Numbers in [0, 1) from a 32-bit linear congruential generator (Numerical Recipes constants). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

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
