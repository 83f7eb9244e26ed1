import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './command.js';

type Options = NonNullable<ParseArgsConfig['options']>;

export const hubLocationOptions = {
  config: { type: 'string' },
  'data-dir': { type: 'string' },
  url: { type: 'string' },
  token: { type: 'string' },
  json: { type: 'boolean' },
} as const satisfies Options;

/** node:util parseArgs, with its errors turned into usage errors a person can act on. */
export function parse<O extends Options>(args: string[], options: O) {
  try {
    return parseArgs({ args: joinStringValues(args, options), options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError((err as Error).message.replace(/\. To specify a positional argument.*$/, ''));
  }
}

export function portOption(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`${flag} must be a port number 0-65535 (got "${value}")`);
  return port;
}

/**
 * Writes `--opt value` as `--opt=value` for string options, so a value that starts with "-" (a generated API
 * token can) is taken as the value instead of being refused as an unknown flag.
 */
function joinStringValues(args: string[], options: Options): string[] {
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      joined.push(...args.slice(i));
      break;
    }
    const next = args[i + 1];
    const name = arg.startsWith('--') && !arg.includes('=') ? arg.slice(2) : undefined;
    if (name !== undefined && options[name]?.type === 'string' && next !== undefined && !isKnownFlag(next, options)) {
      joined.push(`${arg}=${next}`);
      i++;
    } else {
      joined.push(arg);
    }
  }
  return joined;
}

function isKnownFlag(arg: string, options: Options): boolean {
  if (!arg.startsWith('--')) return false;
  return Object.hasOwn(options, arg.slice(2).split('=')[0]!);
}
