/**
 * A skill scaffolded, packed and signed at test time, the way a publisher ships one, ready for
 * `POST /api/v1/skills` (the body with the base64 package and its signature).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IntentDeclaration } from '../../sdk/intent-declaration.js';
import { createPublisherKey, packSkill, signSkill } from '../cli/pack.js';
import { scaffoldSkill } from '../cli/scaffold.js';
import type { PackageSignature } from '../package/signing.js';

export interface TestPublisher {
  id: string;
  keyFile: string;
  /** For `skills.trustedPublishers` in the hub's config. */
  publicKey: string;
}

export interface SignedSkillBody {
  package: string;
  signature: PackageSignature;
  approve: true;
}

export function createTestPublisher(dir: string, id = 'acme'): TestPublisher {
  const keyFile = join(dir, `${id}.pem`);
  return { id, keyFile, ...createPublisherKey(keyFile) };
}

/**
 * Scaffolds skill `id` under `<dir>/<id>-<version>/` (the scaffold's sentences: "(say hello|greet me) from <id words>",
 * "<id words> hello"), optionally with another version or other intents, then packs and signs it.
 */
export function signedSkill(
  dir: string,
  id: string,
  publisher: TestPublisher,
  options: { version?: string; intents?: Record<string, IntentDeclaration> } = {},
): SignedSkillBody {
  const { dir: skillDir } = scaffoldSkill(id, {
    dir: join(dir, `${id}-${options.version ?? 'scaffolded'}`),
    publisher: publisher.id,
  });
  if (options.version || options.intents) {
    const manifestFile = join(skillDir, 'skill.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, unknown>;
    writeFileSync(manifestFile, JSON.stringify({ ...manifest, ...options }));
  }
  const { file } = packSkill(skillDir);
  const { signature } = signSkill(file, { keyFile: publisher.keyFile, publisher: publisher.id });
  return { package: readFileSync(file).toString('base64'), signature, approve: true };
}
