/**
 * Keeps scrypt's work memory from staying in the process after a hash.
 *
 * Each scrypt call (N=2^14, r=8) allocates 16 MB inside OpenSSL. glibc raises its mmap threshold after the first
 * such block is freed, so later blocks come from per-thread malloc arenas and are kept there: a burst of device
 * CONNECTs (4 libuv threads) or credential creations left ~80 MB of RSS behind for good (bench/hub-memory.ts).
 * Pinning the threshold (mallopt M_MMAP_THRESHOLD, which also turns off the dynamic raise) keeps blocks of 4 MB
 * and more on mmap, so they go back to the system the moment they are freed.
 */
import { createRequire } from 'node:module';

/** mallopt parameter number from glibc's <malloc.h>. */
const M_MMAP_THRESHOLD = -3;
const THRESHOLD_BYTES = 4 * 1024 * 1024;

let applied: boolean | undefined;

/**
 * Applies the threshold once per process; later calls return the first result. False where it cannot apply
 * (not glibc, or koffi missing): memory use is then only higher, never wrong.
 */
export function keepLargeAllocationsOnMmap(): boolean {
  if (applied !== undefined) return applied;
  applied = false;
  if (process.platform !== 'linux') return applied;
  try {
    // Loaded on first use, not at startup: koffi is ~25 ms and ~4 MB a text-only hub may never need.
    const koffi = createRequire(import.meta.url)('koffi') as typeof import('koffi');
    const mallopt = koffi.load('libc.so.6').func('int mallopt(int param, int value)') as (
      param: number,
      value: number,
    ) => number;
    applied = mallopt(M_MMAP_THRESHOLD, THRESHOLD_BYTES) === 1;
  } catch {
    applied = false;
  }
  return applied;
}
