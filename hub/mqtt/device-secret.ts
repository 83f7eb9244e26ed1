/**
 * Device secrets are 24 random bytes the hub generates (192 bits), not passwords people choose: guessing one is
 * hopeless however fast the hash, so a slow KDF buys nothing and cost ~35 ms of CPU per CONNECT (a flood of wrong
 * passwords queued behind it; 1,000 devices needed 29 s to reconnect after a restart). They are stored as
 * HMAC-SHA256 under the hub's own 32-byte key (in the database), so a stored value is not the secret and the same
 * secret hashes differently on another hub. Human passwords and the PIN keep scrypt (password-hash.ts); device
 * hashes an older hub stored with scrypt are still accepted and rewritten as HMAC on the next successful login.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const SCHEME = 'hmac-sha256';
const SCRYPT_SCHEME = 'scrypt';

/** 24 random bytes, base64url: 32 characters that survive URLs, shells and YAML without quoting. */
export function generateDeviceSecret(): string {
  return randomBytes(24).toString('base64url');
}

export function newHashKey(): Buffer {
  return randomBytes(32);
}

function mac(secret: string, key: Buffer): Buffer {
  return createHmac('sha256', key).update(secret, 'utf8').digest();
}

/** `hmac-sha256$<mac b64url>`. */
export function hashDeviceSecret(secret: string, key: Buffer): string {
  return `${SCHEME}$${mac(secret, key).toString('base64url')}`;
}

/** True only for an HMAC hash of exactly this secret; constant time in the secret. */
export function deviceSecretMatches(secret: string, stored: string, key: Buffer): boolean {
  const expected = stored.startsWith(`${SCHEME}$`)
    ? Buffer.from(stored.slice(SCHEME.length + 1), 'base64url')
    : undefined;
  const presented = mac(secret, key);
  // An unknown device or a non-HMAC hash still costs one HMAC, so timing does not tell them apart.
  return expected !== undefined && expected.length === presented.length && timingSafeEqual(expected, presented);
}

/** A hash stored by a hub that used scrypt for device secrets; verified slowly once, then upgraded. */
export function isScryptHash(stored: string): boolean {
  return stored.startsWith(`${SCRYPT_SCHEME}$`);
}
