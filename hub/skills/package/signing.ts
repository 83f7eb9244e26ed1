/** Ed25519 signatures over a package's bytes (node:crypto), checked against trusted publisher keys. */
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { z } from 'zod';
import { HubError } from '../../sdk/errors.js';
import type { TrustedPublisher } from '../config.js';

export const signatureSchema = z.strictObject({
  algorithm: z.literal('ed25519'),
  publisher: z.string().min(1).max(64),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  signature: z.string().min(1).max(200),
});
export type PackageSignature = z.infer<typeof signatureSchema>;

/** The 32-byte raw public key in base64 is what goes into `skills.trustedPublishers`. */
export function generatePublisherKeys(): { publicKey: string; privateKeyPem: string } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    publicKey: rawPublicKey(publicKey),
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

export function rawPublicKey(key: KeyObject): string {
  const der = key.export({ type: 'spki', format: 'der' });
  return der.subarray(der.length - 32).toString('base64');
}

function publicKeyObject(text: string): KeyObject {
  if (text.includes('BEGIN')) return createPublicKey(text);
  const raw = Buffer.from(text, 'base64');
  if (raw.length !== 32)
    throw new HubError('CONFIG_INVALID', 'a publisher key is a PEM public key or 32 raw bytes in base64');
  // SPKI prefix for Ed25519 (RFC 8410 §4): SEQUENCE { SEQUENCE { OID 1.3.101.112 }, BIT STRING }
  const prefix = Buffer.from('302a300506032b6570032100', 'hex');
  return createPublicKey({ key: Buffer.concat([prefix, raw]), format: 'der', type: 'spki' });
}

export function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

export function signPackage(data: Buffer, privateKeyPem: string, publisher: string): PackageSignature {
  const key = createPrivateKey(privateKeyPem);
  if (key.asymmetricKeyType !== 'ed25519')
    throw new HubError('VALIDATION_FAILED', 'the signing key must be an Ed25519 private key');
  return { algorithm: 'ed25519', publisher, sha256: sha256(data), signature: sign(null, data, key).toString('base64') };
}

/** Throws SIGNATURE_INVALID unless a trusted publisher's key signed exactly these bytes. */
export function verifyPackage(
  data: Buffer,
  signature: unknown,
  trusted: readonly TrustedPublisher[],
): PackageSignature {
  const parsed = signatureSchema.safeParse(signature);
  if (!parsed.success)
    throw new HubError(
      'SIGNATURE_INVALID',
      'the package signature file is malformed: sign the package again with `hearth skill sign`',
    );
  const sig = parsed.data;
  const publisher = trusted.find((p) => p.id === sig.publisher);
  if (!publisher)
    throw new HubError(
      'SIGNATURE_INVALID',
      `package is signed by "${sig.publisher}", who is not a trusted publisher: add their key to skills.trustedPublishers if you trust them`,
    );
  if (sha256(data) !== sig.sha256)
    throw new HubError(
      'SIGNATURE_INVALID',
      'package content does not match its signature (it was changed after signing): download it again',
    );
  const ok = verify(null, data, publicKeyObject(publisher.publicKey), Buffer.from(sig.signature, 'base64'));
  if (!ok)
    throw new HubError(
      'SIGNATURE_INVALID',
      `signature does not verify with the key of publisher "${sig.publisher}": the package was not signed by them`,
    );
  return sig;
}
