/**
 * Checks a spoken PIN against its stored scrypt hash. The format is the hub's own for secrets
 * (hub/mqtt/password-hash.ts: `scrypt$N$r$p$<salt b64url>$<hash b64url>`); skills may not import hub
 * internals, so the few lines that read it are here.
 */
import { scrypt, timingSafeEqual } from 'node:crypto';

export function verifyPin(pin: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return Promise.resolve(false);
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  const salt = Buffer.from(parts[4]!, 'base64url');
  const hash = Buffer.from(parts[5]!, 'base64url');
  if (![N, r, p].every(Number.isInteger) || N > 1 << 20 || hash.length === 0) return Promise.resolve(false);
  return new Promise((resolve) => {
    scrypt(pin, salt, hash.length, { N, r, p, maxmem: 256 * N * r }, (err, key) => resolve(!err && timingSafeEqual(key, hash)));
  });
}
