/**
 * Node's permission model as the skill sandbox: which Node versions have it, and the flags a skill's child
 * process runs with.
 *
 * Measured on Node 20.20 with --experimental-permission: reads outside --allow-fs-read, every file write,
 * child_process, worker_threads, native addons (process.dlopen), WASI, the inspector and process.binding are
 * refused (ERR_ACCESS_DENIED / ERR_DLOPEN_DISABLED). The network and process.kill are NOT covered; lockdown.mjs
 * closes those inside the process.
 */
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { HubError } from '../../sdk/errors.js';

export type SandboxSupport = { available: true } | { available: false; reason: string };

/**
 * Only Node 20 is checked (20.20: one `--allow-fs-read=<path>` per path; the comma list of earlier 20.x is
 * refused with a warning, which leaves the skill unable to load rather than with more access). Later versions
 * renamed the flag (`--permission`), so they get the worker-thread fallback until someone checks them the same way.
 */
export function permissionModelSupport(
  version = process.versions.node,
  flags: ReadonlySet<string> = process.allowedNodeEnvironmentFlags,
): SandboxSupport {
  const major = Number(version.split('.')[0]);
  if (major !== 20)
    return {
      available: false,
      reason: `Node ${version} is not Node 20, whose --experimental-permission the skill sandbox was checked against`,
    };
  if (!flags.has('--experimental-permission'))
    return { available: false, reason: `Node ${version} has no --experimental-permission flag` };
  return { available: true };
}

/** The runner and the modules it imports: the only hub files a skill's process may read. */
export function runnerFiles(): { runner: string; readable: string[] } {
  let dir = dirname(fileURLToPath(import.meta.url));
  // The build copies the runner into dist/ (scripts/copy-sandbox-runner.mjs); a dist/ built before that uses the source tree's.
  if (!existsSync(join(dir, 'skill-process.mjs'))) dir = dir.replace(`${sep}dist${sep}hub${sep}`, `${sep}hub${sep}`);
  const runner = join(dir, 'skill-process.mjs');
  if (!existsSync(runner))
    throw new HubError('SKILL_FAILED', `the skill sandbox runner ${runner} is missing: reinstall Hearth`);
  return {
    runner,
    readable: [runner, ...['lockdown.mjs', 'skill-runner.mjs', 'remote-context.mjs'].map((file) => join(dir, file))],
  };
}

/** Flags for `fork`: no --allow-fs-write, --allow-child-process, --allow-worker, --allow-addons or --allow-wasi. */
export function sandboxExecArgv(readable: string[], memoryLimitMb: number): string[] {
  return [
    '--experimental-permission',
    ...readable.map((path) => `--allow-fs-read=${path}`),
    `--max-old-space-size=${memoryLimitMb}`,
    '--disable-warning=ExperimentalWarning',
  ];
}
