import { readFileSync } from 'node:fs';

/** npm's lifecycle events under which a long-running command should end with npm: `npm start`, `npm run sim`, `npx …`. */
const NPM_LAUNCHES = new Set(['start', 'sim', 'npx']);

/**
 * Under `npm start` or `npx hearth start` the process should live as long as npm does. `npm start` passes SIGTERM on
 * (the start script execs), but `npx` runs the command through `sh`, which does not pass SIGTERM on, and an npm
 * killed outright passes nothing: the hub would run on as an orphan, holding its ports and data dir. So the process
 * looks for the npm that launched it (its nearest ancestor whose command line starts with "npm") and checks once a
 * second that npm is still there and that its own parent has not changed. Nothing happens when it was started any
 * other way (a service manager, nohup, a terminal). Returns a function that stops watching.
 */
export function stopWhenNpmEnds(env: Record<string, string | undefined>, stop: () => void): () => void {
  if (!NPM_LAUNCHES.has(env.npm_lifecycle_event ?? '')) return () => {};
  const parent = process.ppid;
  const npm = findNpmAncestor(parent);
  const timer = setInterval(() => {
    if (process.ppid === parent && (npm === undefined || isRunning(npm))) return;
    clearInterval(timer);
    stop();
  }, 1000);
  timer.unref();
  return () => clearInterval(timer);
}

/** The pid of the nearest ancestor (a few levels up) that is npm, from /proc; undefined without /proc or npm. */
function findNpmAncestor(start: number): number | undefined {
  let pid = start;
  for (let level = 0; level < 4 && pid > 1; level++) {
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').startsWith('npm')) return pid;
      // /proc/<pid>/stat: "pid (comm) state ppid …"; comm may hold spaces and parentheses, so split after the last ')'.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      pid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
