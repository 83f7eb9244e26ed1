// `npm run build` step: the skill sandbox's runner is plain JavaScript (hub/skills/worker/*.mjs, no TypeScript
// loader in the sandboxed process), which tsc does not copy; the compiled hub imports remote-context.mjs too.
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(repo, 'hub/skills/worker');
const target = join(repo, 'dist/hub/skills/worker');
mkdirSync(target, { recursive: true });
const files = readdirSync(source).filter((f) => f.endsWith('.mjs'));
for (const file of files) copyFileSync(join(source, file), join(target, file));
console.log(`skill sandbox: copied ${files.join(', ')} → ${target}`);
