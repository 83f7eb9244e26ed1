import { describe, expect, it } from 'vitest';
import { gzipSync, gunzipSync } from 'node:zlib';
import { readTarGz, writeTarGz } from './tar.js';
import { generatePublisherKeys, sha256, signPackage, verifyPackage } from './signing.js';
import { openPackage } from './skill-package.js';

const manifest = {
  id: 'weather',
  version: '1.2.0',
  hub: '>=0.1.0 <1.0.0',
  main: 'index.js',
  permissions: ['http:api.weather.test'],
  intents: { GetWeather: { sentences: ["what's the weather"] } },
};
const files = [
  { path: 'skill.json', data: Buffer.from(JSON.stringify(manifest)) },
  { path: 'index.js', data: Buffer.from('export default {}\n') },
  { path: 'lib/deep/nested/helper.js', data: Buffer.alloc(1500, 7) },
];

describe('tar', () => {
  it('round-trips files byte for byte and deterministically', () => {
    const archive = writeTarGz(files);
    expect(writeTarGz([...files].reverse()).equals(archive)).toBe(true);
    const back = readTarGz(archive);
    expect(back.map((f) => f.path)).toEqual(['index.js', 'lib/deep/nested/helper.js', 'skill.json']);
    expect(back.find((f) => f.path === 'lib/deep/nested/helper.js')!.data.equals(files[2]!.data)).toBe(true);
    expect(openPackage(archive).manifest.id).toBe('weather');
  });

  it('refuses unsafe paths and corrupt headers', () => {
    expect(() => writeTarGz([{ path: '../evil.js', data: Buffer.from('x') }])).toThrow(/unsafe path/);
    const tar = gunzipSync(writeTarGz(files));
    tar[10] = tar[10]! ^ 0xff;
    expect(() => readTarGz(gzipSync(tar))).toThrow(/checksum/);
    expect(() => readTarGz(Buffer.from('not gzip'))).toThrow(/not a gzip/);
  });
});

describe('signing', () => {
  const keys = generatePublisherKeys();
  const trusted = [{ id: 'acme', publicKey: keys.publicKey }];
  const archive = writeTarGz(files);

  it('accepts a package signed by a trusted publisher', () => {
    const sig = signPackage(archive, keys.privateKeyPem, 'acme');
    expect(verifyPackage(archive, sig, trusted).publisher).toBe('acme');
  });

  it('refuses a package with one byte changed', () => {
    const sig = signPackage(archive, keys.privateKeyPem, 'acme');
    const tampered = Buffer.from(archive);
    tampered[Math.floor(tampered.length / 2)] = tampered[Math.floor(tampered.length / 2)]! ^ 0x01;
    expect(() => verifyPackage(tampered, sig, trusted)).toThrow(
      expect.objectContaining({ code: 'SIGNATURE_INVALID', message: expect.stringContaining('changed after signing') }),
    );
    // Even when the attacker also fixes the recorded hash, the signature itself fails.
    const rehashed = { ...sig, sha256: sha256(tampered) };
    expect(() => verifyPackage(tampered, rehashed, trusted)).toThrow(
      expect.objectContaining({ code: 'SIGNATURE_INVALID' }),
    );
  });

  it('refuses an unknown key, and a known name signed with another key', () => {
    const stranger = generatePublisherKeys();
    expect(() => verifyPackage(archive, signPackage(archive, stranger.privateKeyPem, 'mallory'), trusted)).toThrow(
      /not a trusted publisher/,
    );
    expect(() => verifyPackage(archive, signPackage(archive, stranger.privateKeyPem, 'acme'), trusted)).toThrow(
      /does not verify/,
    );
  });

  it('refuses a malformed signature', () => {
    expect(() => verifyPackage(archive, { nope: 1 }, trusted)).toThrow(
      expect.objectContaining({ code: 'SIGNATURE_INVALID' }),
    );
  });
});
