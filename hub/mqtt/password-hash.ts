import { randomBytes, scrypt, scryptSync, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { keepLargeAllocationsOnMmap } from './malloc-tuning.js';

/** scrypt cost N=2^14, r=8: about 35 ms per hash on the dev machine. */
const PARAMS = { N: 16384, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
const SALT_BYTES = 16;

interface StoredHash {
  salt: Buffer;
  hash: Buffer;
  options: ScryptOptions;
}

/** Format: `scrypt$N$r$p$<salt b64url>$<hash b64url>`, so the cost can change without a migration. */
function parse(stored: string): StoredHash | undefined {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return undefined;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  const hash = Buffer.from(parts[5]!, 'base64url');
  if (![N, r, p].every(Number.isInteger) || N > 1 << 20 || hash.length === 0) return undefined;
  return { salt: Buffer.from(parts[4]!, 'base64url'), hash, options: { N, r, p, maxmem: 256 * N * r } };
}

export function hashPassword(password: string): string {
  keepLargeAllocationsOnMmap();
  const salt = randomBytes(SALT_BYTES);
  const hash = scryptSync(password, salt, KEY_LENGTH, { ...PARAMS, maxmem: 256 * PARAMS.N * PARAMS.r });
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

export function verifyPassword(password: string, stored: string): boolean {
  const parsed = parse(stored);
  if (!parsed) return false;
  keepLargeAllocationsOnMmap();
  return timingSafeEqual(scryptSync(password, parsed.salt, parsed.hash.length, parsed.options), parsed.hash);
}

/** Same as verifyPassword but on the libuv pool, so a flood of CONNECTs never blocks the event loop. */
export function verifyPasswordAsync(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed) return Promise.resolve(false);
  keepLargeAllocationsOnMmap();
  return new Promise((resolve, reject) => {
    scrypt(password, parsed.salt, parsed.hash.length, parsed.options, (err, key) => {
      if (err) reject(err);
      else resolve(timingSafeEqual(key, parsed.hash));
    });
  });
}

let decoy: string | undefined;

/** A hash of a random password: verified against when the username is unknown, so timing does not reveal it. */
export function decoyHash(): string {
  decoy ??= hashPassword(randomBytes(16).toString('hex'));
  return decoy;
}
