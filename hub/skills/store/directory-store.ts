/**
 * A skill store kept in a directory: `<dir>/<id>/<version>.tgz` with `<version>.sig.json` beside it.
 * The store does not decide trust; the installing hub checks the signature against its own publisher keys.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HubError } from '../../sdk/errors.js';
import type { Permission } from '../../sdk/skill.js';
import { SKILL_ID_PATTERN } from '../manifest.js';
import { openPackage } from '../package/skill-package.js';
import { signatureSchema, type PackageSignature } from '../package/signing.js';
import { compareVersions, parseVersion } from '../semver.js';

export interface StoreListing {
  id: string;
  version: string;
  versions: string[];
  name?: string;
  description?: string;
  publisher: string;
  permissions: Permission[];
  intents: string[];
}

export class DirectoryStore {
  constructor(private readonly dir: string) {}

  list(): StoreListing[] {
    if (!existsSync(this.dir)) return [];
    return readdirSync(this.dir)
      .filter((id) => SKILL_ID_PATTERN.test(id))
      .map((id) => this.describe(id))
      .filter((l): l is StoreListing => l !== undefined);
  }

  describe(id: string): StoreListing | undefined {
    const versions = this.versions(id);
    const latest = versions.at(-1);
    if (!latest) return undefined;
    const { archive, signature } = this.get(id, latest);
    const { manifest } = openPackage(archive);
    return {
      id,
      version: latest,
      versions,
      publisher: signature.publisher,
      permissions: manifest.permissions,
      intents: Object.keys(manifest.intents),
      ...(manifest.name ? { name: manifest.name } : {}),
      ...(manifest.description ? { description: manifest.description } : {}),
    };
  }

  get(id: string, version?: string): { archive: Buffer; signature: PackageSignature; version: string } {
    if (!SKILL_ID_PATTERN.test(id)) throw new HubError('VALIDATION_FAILED', `"${id}" is not a skill id`);
    const chosen = version ?? this.versions(id).at(-1);
    if (!chosen || !parseVersion(chosen) || !existsSync(this.file(id, chosen, '.tgz')))
      throw new HubError(
        'NOT_FOUND',
        `the store has no skill "${id}"${version ? ` version ${version}` : ''}: list the store to see what it offers`,
      );
    const signature = signatureSchema.parse(JSON.parse(readFileSync(this.file(id, chosen, '.sig.json'), 'utf8')));
    return { archive: readFileSync(this.file(id, chosen, '.tgz')), signature, version: chosen };
  }

  /** Publishes a signed package; the manifest inside decides its id and version. */
  publish(archive: Buffer, signature: unknown): StoreListing {
    const sig = signatureSchema.safeParse(signature);
    if (!sig.success)
      throw new HubError('SIGNATURE_INVALID', 'publishing needs a signature made by `hearth skill sign`');
    const { manifest } = openPackage(archive);
    const target = this.file(manifest.id, manifest.version, '.tgz');
    if (existsSync(target))
      throw new HubError('CONFLICT', `${manifest.id} ${manifest.version} is already published: raise the version`);
    mkdirSync(join(this.dir, manifest.id), { recursive: true });
    writeFileSync(target, archive);
    writeFileSync(this.file(manifest.id, manifest.version, '.sig.json'), JSON.stringify(sig.data, null, 2));
    return this.describe(manifest.id)!;
  }

  private versions(id: string): string[] {
    const dir = join(this.dir, id);
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((f) => f.endsWith('.tgz'))
      .map((f) => f.slice(0, -4))
      .filter((v) => parseVersion(v))
      .sort((a, b) => compareVersions(parseVersion(a)!, parseVersion(b)!));
  }

  private file(id: string, version: string, ext: string): string {
    return join(this.dir, id, `${version}${ext}`);
  }
}
