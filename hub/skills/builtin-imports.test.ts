/**
 * The layout rule for built-in skills (docs/architecture.md): a skill imports only hub/sdk, the device types
 * (device-types/, a public kit like the sdk) and files in its own folder, never another skill or a hub internal. Scans every .ts under skills/ and names each import that breaks it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SKILLS = join(ROOT, 'skills');
const SDK = join(ROOT, 'hub', 'sdk');
const DEVICE_TYPES = join(ROOT, 'device-types');
/** Packages a skill file may name: Node's own modules, and the test runner in its tests. */
const PACKAGES = /^(node:|vitest$)/;
const SPECIFIER =
  /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;])import\s*\(?\s*['"]([^'"]+)['"]/g;

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** The folder a file may import from freely: its skill's folder (skills/<name>/), or skills/ for the registry at the top. */
function ownFolder(file: string): string {
  const [first, ...rest] = relative(SKILLS, file).split(sep);
  return rest.length ? join(SKILLS, first!) : SKILLS;
}

/** Every import of `source` that reaches outside hub/sdk and its own folder, as "file: 'specifier'". */
function foreignImports(file: string, source: string): string[] {
  const within = (target: string, folder: string) => target === folder || target.startsWith(folder + sep);
  const bad: string[] = [];
  for (const match of source.matchAll(SPECIFIER)) {
    const spec = match[1] ?? match[2]!;
    const ok = spec.startsWith('.')
      ? [SDK, DEVICE_TYPES, ownFolder(file)].some((folder) => within(resolve(dirname(file), spec), folder))
      : PACKAGES.test(spec);
    if (!ok) bad.push(`${relative(ROOT, file)}: '${spec}'`);
  }
  return bad;
}

describe('built-in skills import only hub/sdk, device-types and their own folder', () => {
  it('no file under skills/ imports another skill, a hub internal or a package', () => {
    const files = tsFiles(SKILLS);
    expect(files.length).toBeGreaterThan(10);
    expect(files.flatMap((f) => foreignImports(f, readFileSync(f, 'utf8')))).toEqual([]);
  });

  it('the scan names the imports that break the rule', () => {
    const file = join(SKILLS, 'vehicle', 'index.ts');
    const source = [
      "import { defineSkill } from '../../hub/sdk/index.js';",
      "import { send } from './send.js';",
      "import { deviceTypeOf } from '../../device-types/index.js';",
      "import { answer } from '../smart-home/confirm/dialog.js';",
      "import type { Db } from '../../hub/store/database.js';",
      "export { words } from '../ordering/answers.js';",
      "const lazy = await import('zod');",
    ].join('\n');
    expect(foreignImports(file, source)).toEqual([
      "skills/vehicle/index.ts: '../smart-home/confirm/dialog.js'",
      "skills/vehicle/index.ts: '../../hub/store/database.js'",
      "skills/vehicle/index.ts: '../ordering/answers.js'",
      "skills/vehicle/index.ts: 'zod'",
    ]);
  });
});
