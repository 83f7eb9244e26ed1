/** Writes a sandboxed skill that answers one sentence with a given handler body, for tests of the sandbox. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Permission } from '../../sdk/skill.js';
import { parseManifest, type SkillManifest } from '../manifest.js';

export interface SentenceSkill {
  id: string;
  sentence: string;
  /** The body of `async handle(intent, ctx, utterance) { … }`; `fs` (node:fs) is imported. */
  handleBody: string;
  permissions?: Permission[];
  /** More files beside index.mjs, by name. */
  files?: Record<string, string>;
}

/** Writes `<parent>/<id>/index.mjs` (and `files`); load it with `loadIsolated(manifest, entry, …)`. */
export function writeSentenceSkill(
  parent: string,
  { id, sentence, handleBody, permissions = [], files = {} }: SentenceSkill,
): { manifest: SkillManifest; entry: string; dir: string } {
  const dir = join(parent, id);
  mkdirSync(dir, { recursive: true });
  const intent = `${id.replace(/-/g, '_')}_go`;
  const manifest = parseManifest({
    id,
    version: '1.0.0',
    hub: '>=0.1.0 <1.0.0',
    permissions,
    intents: { [intent]: { sentences: [sentence] } },
  });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const entry = join(dir, 'index.mjs');
  writeFileSync(
    entry,
    `import fs from 'node:fs';
export default {
  id: ${JSON.stringify(id)}, version: '1.0.0', permissions: ${JSON.stringify(permissions)}, intents: ${JSON.stringify(manifest.intents)},
  async handle(intent, ctx, utterance) { ${handleBody} },
};\n`,
  );
  return { manifest, entry, dir };
}
