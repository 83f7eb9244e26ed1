/**
 * How bin/hearth.js runs the hub (its `#!/usr/bin/env -S NAME=value … node …` line), so benchmarks and tests
 * spawn the hub the same way: the Node flags after `node`, and the environment variables `env` sets before it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

function shebang(checkout: string): string {
  return readFileSync(join(checkout, 'bin/hearth.js'), 'utf8').split('\n', 1)[0] ?? '';
}

export function hubNodeFlags(checkout: string): string[] {
  const match = /\bnode\b(.*)$/.exec(shebang(checkout));
  return match ? match[1]!.trim().split(/\s+/).filter(Boolean) : [];
}

export function hubNodeEnv(checkout: string): Record<string, string> {
  const beforeNode = /^#!\S*\benv\s+-S\s+(.*?)\bnode\b/.exec(shebang(checkout))?.[1] ?? '';
  return Object.fromEntries(
    beforeNode
      .split(/\s+/)
      .filter((word) => /^\w+=/.test(word))
      .map((word) => [word.slice(0, word.indexOf('=')), word.slice(word.indexOf('=') + 1)]),
  );
}

/**
 * `hearth start` of a built checkout as bin/hearth.js runs it, on `dataDir` with `configFile` and free loopback ports,
 * with no token or config from the caller's environment: the arguments and environment for `spawn(process.execPath, …)`.
 * `nodeFlags` go before the script (`--expose-gc`, `--import …`).
 */
export function builtHubStart(
  checkout: string,
  configFile: string,
  dataDir: string,
  nodeFlags: string[] = [],
): { args: string[]; env: NodeJS.ProcessEnv } {
  return {
    args: [
      ...hubNodeFlags(checkout),
      ...nodeFlags,
      join(checkout, 'bin/hearth.js'),
      'start',
      ...['--config', configFile, '--data-dir', dataDir],
      ...['--http-port', '0', '--mqtt-port', '0', '--host', '127.0.0.1'],
    ],
    env: { ...process.env, ...hubNodeEnv(checkout), HEARTH_API_TOKEN: '', HEARTH_CONFIG: '' },
  };
}
