/** `hearth …` run in-process as a user would type it, against a test hub when one is given. */
import { runCli } from '../../hub/cli/main.js';
import type { TestHub } from './hub.js';

export async function hearthCli(
  args: string[],
  options: { cwd: string; hub?: TestHub },
): Promise<{ code: number; out: string }> {
  const out: string[] = [];
  const location = options.hub ? ['--url', options.hub.runtime.http.url, '--token', options.hub.token] : [];
  const code = await runCli([...args, ...location], {
    out: (l) => out.push(l),
    err: (l) => out.push(l),
    env: {},
    cwd: options.cwd,
  });
  return { code, out: out.join('\n') };
}
