/**
 * `npm run eval:language`: understanding measured on requests the team did not write. Starts a hub (from the
 * sources) on the SLURP dev set's household, runs its scorer (../shared/eval/slurp-devel/eval.py: per-kind intent
 * accuracy, dryRun, heard in the living room) and stops the hub again.
 *   npm run eval:language -- [--errors N] [--out preds.jsonl]
 * The scorer's exit code is passed on (1 below its goal).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnHubProcess } from '../test/harness/hub.js';

const REPO = resolve(import.meta.dirname, '..');
/** `../shared` beside the main checkout; a worktree sits one level deeper (`/work/wt/<name>`). */
const SLURP_DIR = process.env.SLURP_DEVEL_DIR
  ? resolve(process.env.SLURP_DEVEL_DIR)
  : [join(REPO, '../shared/eval/slurp-devel'), join(REPO, '../../shared/eval/slurp-devel')].find((dir) => existsSync(dir)) ?? join(REPO, '../shared/eval/slurp-devel');

async function main(): Promise<number> {
  const scorer = join(SLURP_DIR, 'eval.py');
  if (!existsSync(scorer)) {
    console.error(`No scorer at ${scorer}: set SLURP_DEVEL_DIR to the slurp-devel folder.`);
    return 2;
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'hearth-eval-language-'));
  const hub = await spawnHubProcess(dataDir, ['--config', join(SLURP_DIR, 'household.yaml')], 60_000);
  try {
    return await new Promise<number>((done, fail) => {
      const run = spawn('python3', [scorer, ...process.argv.slice(2)], {
        env: { ...process.env, HUB_URL: hub.runtime.http.url, HUB_TOKEN: hub.token },
        stdio: 'inherit',
      });
      run.once('error', fail);
      run.once('exit', (code) => done(code ?? 1));
    });
  } finally {
    hub.child.kill('SIGTERM');
    await hub.exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

process.exitCode = await main();
