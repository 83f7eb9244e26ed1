/** Where a command writes, and what it reads from its surroundings (tests pass their own). */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  env: Record<string, string | undefined>;
  cwd: string;
  /** Asks for a secret (a password) without echoing it; tests answer it themselves. */
  readSecret?(prompt: string): Promise<string>;
}

/** One `hearth <name>` subcommand; each lives in its own file under commands/. */
export interface CliCommand {
  name: string;
  summary: string;
  /** Full usage text shown by `hearth help <name>` and on usage errors. */
  usage: string;
  run(args: string[], io: CliIo): Promise<number>;
}

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
/** Bad arguments or an invalid config: fix the input, then retry. */
export const EXIT_USAGE = 2;

/** A mistake in the input that one line explains (no usage text): exit code 2. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/** A mistake in how the command was called: printed with the command's usage. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
