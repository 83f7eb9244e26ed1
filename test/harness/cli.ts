/** `hearth …` run in-process as a user would type it, against a test hub when one is given. */
import { runCli } from '../../hub/cli/main.js';
import type { TestHub } from './hub.js';

export interface CliRun {
  code: number;
  /** What it wrote to stdout. */
  out: string;
  /** What it wrote to stderr. */
  err: string;
  /** Both, in the order written (what a user sees in the terminal). */
  text: string;
}

export async function hearthCli(args: string[], options: { cwd: string; hub?: TestHub }): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const text: string[] = [];
  const location = options.hub ? ['--url', options.hub.runtime.http.url, '--token', options.hub.token] : [];
  const code = await runCli([...args, ...location], {
    out: (l) => void (out.push(l), text.push(l)),
    err: (l) => void (err.push(l), text.push(l)),
    env: {},
    cwd: options.cwd,
  });
  return { code, out: out.join('\n'), err: err.join('\n'), text: text.join('\n') };
}
