/**
 * Installs signed skill packages into the data dir and loads them into the running hub: verify the signature,
 * read the manifest, check the hub version and sentence collisions, require approval of the permissions.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Clock } from '../../core/clock.js';
import type { Logger } from '../../core/logger.js';
import type { Db } from '../../store/database.js';
import { HubError } from '../../sdk/errors.js';
import type { Permission } from '../../sdk/skill.js';
import type { TrustedPublisher } from '../config.js';
import { assertHubCompatible, type SkillManifest } from '../manifest.js';
import type { SentenceCollision } from '../ports.js';
import type { SkillInfo, SkillRuntime } from '../runtime.js';
import { internalCollisions, isConflict } from '../sentences.js';
import { openPackage, packageFromEntries, readSkillDir, type SkillPackage } from './skill-package.js';
import { verifyPackage } from './signing.js';

export interface InstallerDeps {
  runtime: SkillRuntime;
  db: Db;
  clock: Clock;
  log: Logger;
  /** Installed skills live in `<dataDir>/skills/<id>/<version>/`. */
  dataDir: string;
  trustedPublishers: readonly TrustedPublisher[];
  hubVersion: string;
}

/** What the user is asked to approve. */
export interface InstallPreview {
  id: string;
  version: string;
  name?: string;
  description?: string;
  publisher: string;
  permissions: Permission[];
  intents: string[];
  /** Sentences another installed skill (or the hub's own answers) also accepts: they refuse the install. */
  collisions: SentenceCollision[];
  /** Sentences a built-in skill also accepts: this skill's take precedence; listed for information. */
  builtinOverlaps: SentenceCollision[];
  /** Set when another version is installed now. */
  replaces?: string;
}

interface InstalledRow {
  id: string;
  version: string;
  dir: string;
  publisher: string | null;
  enabled: number;
}

export class SkillInstaller {
  private readonly log: Logger;

  constructor(private readonly deps: InstallerDeps) {
    this.log = deps.log.child({ module: 'skills.installer' });
  }

  /** Loads every installed, enabled skill (at hub start). A skill that fails to load is logged and skipped. */
  async loadInstalled(): Promise<void> {
    for (const row of this.rows()) {
      if (!row.enabled) continue;
      try {
        const pkg = this.readInstalled(row);
        await this.deps.runtime.loadIsolated(pkg, join(row.dir, pkg.main), {}, row.dir);
      } catch (err) {
        this.log.error({ skill: row.id, err: (err as Error).message }, 'installed skill failed to load');
      }
    }
  }

  /** Verifies and reads a package without installing it. */
  inspect(archive: Buffer, signature: unknown): { preview: InstallPreview; pkg: SkillPackage } {
    const sig = verifyPackage(archive, signature, this.deps.trustedPublishers);
    const pkg = openPackage(archive);
    const { manifest } = pkg;
    if (manifest.publisher && manifest.publisher !== sig.publisher)
      throw new HubError(
        'SIGNATURE_INVALID',
        `manifest names publisher "${manifest.publisher}" but "${sig.publisher}" signed it`,
      );
    assertHubCompatible(manifest, this.deps.hubVersion);
    const existing = this.row(manifest.id);
    const builtinClash = this.deps.runtime.get(manifest.id);
    if (builtinClash?.builtin)
      throw new HubError('CONFLICT', `"${manifest.id}" is the id of a built-in skill: choose another id`);
    const found = [
      ...internalCollisions(manifest.id, manifest.intents),
      ...this.deps.runtime.checkCollisions(manifest.id, manifest.intents),
    ];
    const preview: InstallPreview = {
      id: manifest.id,
      version: manifest.version,
      publisher: sig.publisher,
      permissions: manifest.permissions,
      intents: Object.keys(manifest.intents),
      collisions: found.filter(isConflict),
      builtinOverlaps: found.filter((c) => !isConflict(c)),
      ...(manifest.name ? { name: manifest.name } : {}),
      ...(manifest.description ? { description: manifest.description } : {}),
      ...(existing ? { replaces: existing.version } : {}),
    };
    return { preview, pkg };
  }

  /**
   * Installs (or updates) and loads the skill. Without `approve` nothing is installed and FORBIDDEN names the
   * permissions to approve. Sentences another installed skill also accepts refuse the install unless
   * `allowCollisions`; overlaps with built-in skills do not (this skill's sentences take precedence there).
   */
  async install(
    archive: Buffer,
    signature: unknown,
    options: { approve: boolean; allowCollisions?: boolean; config?: Record<string, unknown> },
  ): Promise<{ preview: InstallPreview; skill: SkillInfo }> {
    const { preview, pkg } = this.inspect(archive, signature);
    if (!options.approve)
      throw new HubError(
        'FORBIDDEN',
        `installing "${preview.id}" needs approval of its permissions: ${preview.permissions.join(', ') || '(none)'}. Run again with --yes to approve.`,
        preview,
      );
    if (preview.collisions.length && !options.allowCollisions)
      throw new HubError(
        'CONFLICT',
        `skill "${preview.id}" has sentences that collide with installed skills: ${describeCollisions(preview.collisions)}`,
        { collisions: preview.collisions },
      );
    const dir = join(this.deps.dataDir, 'skills', preview.id, preview.version);
    rmSync(dir, { recursive: true, force: true });
    for (const file of pkg.files) {
      const target = join(dir, file.path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, file.data);
    }
    const previous = this.row(preview.id);
    if (previous && this.deps.runtime.get(preview.id)) await this.deps.runtime.unload(preview.id);
    let skill: SkillInfo;
    try {
      skill = await this.deps.runtime.loadIsolated(
        pkg.manifest,
        join(dir, pkg.manifest.main),
        options.config ?? {},
        dir,
      );
    } catch (err) {
      rmSync(dir, { recursive: true, force: true });
      if (previous) await this.reload(previous);
      throw err;
    }
    this.deps.db
      .prepare(
        `INSERT INTO skills_installed (id, version, dir, publisher, enabled, installed_at) VALUES (?, ?, ?, ?, 1, ?)
         ON CONFLICT (id) DO UPDATE SET version = excluded.version, dir = excluded.dir, publisher = excluded.publisher, enabled = 1, installed_at = excluded.installed_at`,
      )
      .run(preview.id, preview.version, dir, preview.publisher, this.deps.clock.now());
    if (previous && previous.dir !== dir) rmSync(previous.dir, { recursive: true, force: true });
    this.log.info(
      { skill: preview.id, version: preview.version, publisher: preview.publisher },
      previous ? 'skill updated' : 'skill installed',
    );
    return { preview, skill };
  }

  async uninstall(id: string): Promise<void> {
    const row = this.row(id);
    if (!row) throw new HubError('NOT_FOUND', `skill "${id}" is not installed: see \`hearth skill list\``);
    if (this.deps.runtime.get(id)) await this.deps.runtime.unload(id);
    this.deps.runtime.timers.removeSkill(id);
    this.deps.runtime.storage.clear(id);
    this.deps.db.prepare('DELETE FROM skills_installed WHERE id = ?').run(id);
    rmSync(join(this.deps.dataDir, 'skills', id), { recursive: true, force: true });
    this.log.info({ skill: id }, 'skill uninstalled');
  }

  list(): { id: string; version: string; publisher?: string; enabled: boolean }[] {
    return this.rows().map((r) => ({
      id: r.id,
      version: r.version,
      enabled: r.enabled === 1,
      ...(r.publisher ? { publisher: r.publisher } : {}),
    }));
  }

  private async reload(row: InstalledRow): Promise<void> {
    const manifest = this.readInstalled(row);
    await this.deps.runtime.loadIsolated(manifest, join(row.dir, manifest.main), {}, row.dir).catch(() => undefined);
  }

  private readInstalled(row: InstalledRow): SkillManifest {
    return packageFromEntries(readSkillDir(row.dir)).manifest;
  }

  private rows(): InstalledRow[] {
    return this.deps.db.prepare('SELECT * FROM skills_installed ORDER BY id').all() as InstalledRow[];
  }

  private row(id: string): InstalledRow | undefined {
    return this.deps.db.prepare('SELECT * FROM skills_installed WHERE id = ?').get(id) as InstalledRow | undefined;
  }
}

export function describeCollisions(collisions: readonly SentenceCollision[]): string {
  const shown = collisions
    .slice(0, 10)
    .map(
      (c) =>
        `"${c.sentence}" (${c.intent} vs ${c.otherSkill}/${c.otherIntent}${c.example ? `, both take "${c.example}"` : ''})`,
    );
  return shown.join(', ') + (collisions.length > 10 ? ` and ${collisions.length - 10} more` : '');
}

/** Built-in sentences an installed skill's take precedence over, by the request both accept. */
export function describeOverlaps(overlaps: readonly SentenceCollision[]): string {
  const shown = overlaps
    .slice(0, 10)
    .map((c) => `"${c.example ?? c.sentence}" goes to ${c.intent}, not ${c.otherSkill}/${c.otherIntent}`);
  return shown.join('; ') + (overlaps.length > 10 ? ` and ${overlaps.length - 10} more` : '');
}
