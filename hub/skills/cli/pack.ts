/** `hearth skill pack` and `hearth skill sign --key`. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { IntentDeclaration } from '../../sdk/intent-declaration.js';
import type { SkillManifest } from '../manifest.js';
import type { SentenceCollision } from '../ports.js';
import { buildPackage } from '../package/skill-package.js';
import { generatePublisherKeys, signPackage, type PackageSignature } from '../package/signing.js';
import { internalCollisions, isConflict, SentenceIndex } from '../sentences.js';

export interface PackResult {
  file: string;
  manifest: SkillManifest;
  bytes: number;
  /** Sentences that collide inside the package or with an installed skill in `against`. */
  collisions: SentenceCollision[];
  /** Sentences a built-in skill in `against` also accepts: the packed skill's take precedence there. */
  builtinOverlaps: SentenceCollision[];
}

/**
 * Packs a skill directory into `<id>-<version>.tgz`. `against` lists other skills' intents (`builtin`: the hub's
 * built-in skills; `installed`: other third-party skills) so collisions show up before publishing.
 */
export function packSkill(
  dir: string,
  options: {
    outDir?: string;
    against?: Record<string, Record<string, IntentDeclaration>>;
    againstOrigin?: 'builtin' | 'installed';
  } = {},
): PackResult {
  const { archive, pkg } = buildPackage(resolve(dir));
  const index = new SentenceIndex();
  for (const [skillId, intents] of Object.entries(options.against ?? {}))
    index.add(skillId, intents, options.againstOrigin ?? 'installed');
  const found = [
    ...internalCollisions(pkg.manifest.id, pkg.manifest.intents),
    ...index.check(pkg.manifest.id, pkg.manifest.intents),
  ];
  const file = join(resolve(options.outDir ?? dir), `${pkg.manifest.id}-${pkg.manifest.version}.tgz`);
  writeFileSync(file, archive);
  return {
    file,
    manifest: pkg.manifest,
    bytes: archive.length,
    collisions: found.filter(isConflict),
    builtinOverlaps: found.filter((c) => !isConflict(c)),
  };
}

/** Writes `<file>.sig.json` next to the package. */
export function signSkill(
  file: string,
  options: { keyFile: string; publisher: string },
): { signatureFile: string; signature: PackageSignature } {
  const signature = signPackage(readFileSync(file), readFileSync(options.keyFile, 'utf8'), options.publisher);
  const signatureFile = `${file}.sig.json`;
  writeFileSync(signatureFile, JSON.stringify(signature, null, 2) + '\n');
  return { signatureFile, signature };
}

/** `hearth skill keygen`: the private key goes to a file (mode 600); the public key is printed for the config. */
export function createPublisherKey(keyFile: string): { publicKey: string } {
  const { publicKey, privateKeyPem } = generatePublisherKeys();
  writeFileSync(keyFile, privateKeyPem, { mode: 0o600 });
  return { publicKey };
}
