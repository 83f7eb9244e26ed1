// `npm run build` step for the dashboard: the app is plain ES modules (no bundler), so building is
// copying it beside the compiled server code, where hub/api/routes/dashboard.js looks for it.
import { cpSync, existsSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '../../..');
const source = join(here, 'app');
const target = join(repo, 'dist/hub/api/web/app');

for (const file of [
  'node_modules/preact/dist/preact.module.js',
  'node_modules/preact/hooks/dist/hooks.module.js',
  'node_modules/htm/dist/htm.module.js',
]) {
  if (!existsSync(join(repo, file))) {
    console.error(`dashboard build: ${file} is missing; run npm install.`);
    process.exit(1);
  }
}
rmSync(target, { recursive: true, force: true });
cpSync(source, target, { recursive: true });
console.log(`dashboard: copied ${source} → ${target}`);
