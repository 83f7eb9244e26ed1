/**
 * `npm run eval:language`: understanding measured on requests the team did not write. Starts a hub (from the
 * sources) on the SLURP dev set's household, runs its scorer (../shared/eval/slurp-devel/eval.py: per-kind intent
 * accuracy, dryRun, heard in the living room) and stops the hub again.
 *   npm run eval:language -- [--errors N] [--out preds.jsonl] [--template-only]
 * `--template-only`: the template matcher alone (language.secondStage false), to compare with the full understanding.
 * The scorer's exit code is passed on (1 below its goal).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse, stringify } from 'yaml';
import { spawnHubProcess } from '../test/harness/hub.js';

const REPO = resolve(import.meta.dirname, '..');
/** `../shared` beside the main checkout; a worktree sits one level deeper (`/work/wt/<name>`). */
const SLURP_DIR = process.env.SLURP_DEVEL_DIR
  ? resolve(process.env.SLURP_DEVEL_DIR)
  : ([join(REPO, '../shared/eval/slurp-devel'), join(REPO, '../../shared/eval/slurp-devel')].find((dir) =>
      existsSync(dir),
    ) ?? join(REPO, '../shared/eval/slurp-devel'));

async function main(): Promise<number> {
  const scorer = join(SLURP_DIR, 'eval.py');
  if (!existsSync(scorer)) {
    console.error(`No scorer at ${scorer}: set SLURP_DEVEL_DIR to the slurp-devel folder.`);
    return 2;
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'hearth-eval-language-'));
  const templateOnly = process.argv.includes('--template-only');
  const household = parse(readFileSync(join(SLURP_DIR, 'household.yaml'), 'utf8')) as Record<string, unknown>;
  const configFile = join(dataDir, 'config.yaml');
  writeFileSync(
    configFile,
    stringify(
      templateOnly
        ? { ...household, language: { ...(household.language as object | undefined), secondStage: false } }
        : household,
    ),
  );
  const hub = await spawnHubProcess(join(dataDir, 'data'), ['--config', configFile], 60_000);
  try {
    return await new Promise<number>((done, fail) => {
      const run = spawn('python3', [scorer, ...process.argv.slice(2).filter((a) => a !== '--template-only')], {
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
