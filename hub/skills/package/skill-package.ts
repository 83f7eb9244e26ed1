/** A skill package in memory: the files of a .tgz and the manifest they carry. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { HubError } from '../../sdk/errors.js';
import { manifestFromFiles, type SkillManifest } from '../manifest.js';
import { readTarGz, writeTarGz, type TarEntry } from './tar.js';

export interface SkillPackage {
  manifest: SkillManifest;
  files: TarEntry[];
}

const SKIPPED_DIRS = new Set(['node_modules', '.git', 'dist', 'coverage']);

export function packageFromEntries(files: TarEntry[]): SkillPackage {
  const text = (name: string) => files.find((f) => f.path === name)?.data.toString('utf8');
  const skillJson = text('skill.json');
  const packageJson = text('package.json');
  const manifest = manifestFromFiles({
    ...(skillJson !== undefined ? { skillJson } : {}),
    ...(packageJson !== undefined ? { packageJson } : {}),
  });
  if (!files.some((f) => f.path === manifest.main))
    throw new HubError('MANIFEST_INVALID', `the manifest's main file "${manifest.main}" is not in the package`);
  return { manifest, files };
}

export function openPackage(archive: Buffer): SkillPackage {
  return packageFromEntries(readTarGz(archive));
}

/** Collects a skill directory's files (tests and tooling folders left out). */
export function readSkillDir(dir: string): TarEntry[] {
  const out: TarEntry[] = [];
  const walk = (current: string) => {
    for (const name of readdirSync(current)) {
      const full = join(current, name);
      const stat = statSync(full);
      if (stat.isDirectory()) {
        if (!SKIPPED_DIRS.has(name) && !name.startsWith('.')) walk(full);
      } else if (
        stat.isFile() &&
        !/\.test\.[cm]?[jt]s$/.test(name) &&
        !name.endsWith('.tgz') &&
        !name.endsWith('.sig.json')
      ) {
        out.push({ path: relative(dir, full).split(sep).join('/'), data: readFileSync(full) });
      }
    }
  };
  walk(dir);
  return out;
}

export function buildPackage(dir: string): { archive: Buffer; pkg: SkillPackage } {
  const files = readSkillDir(dir);
  const pkg = packageFromEntries(files);
  return { archive: writeTarGz(files), pkg };
}
