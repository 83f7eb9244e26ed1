import { hubVersion } from '../config/package-info.js';
import { isHubError } from '../sdk/errors.js';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, InputError, UsageError, type CliCommand, type CliIo } from './command.js';
import { COMMANDS } from './commands/index.js';
import { readSecret } from './secret-input.js';

const defaultIo: CliIo = {
  out: (line) => void (pipeOpen.stdout && process.stdout.write(`${line}\n`)),
  err: (line) => void (pipeOpen.stderr && process.stderr.write(`${line}\n`)),
  env: process.env,
  cwd: process.cwd(),
  readSecret: (prompt) => readSecret(prompt, (text) => process.stderr.write(text)),
};

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'Usage: hearth <command> [options]   (no command = start)',
    '',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    "hearth help <command> shows a command's options; hearth --version prints the version.",
  ].join('\n');
}

function find(name: string): CliCommand | undefined {
  return COMMANDS.find((c) => c.name === name);
}

/** Codes that mean the input was wrong (the config, a flag, a value sent to the hub): exit 2, as the README says. */
const INPUT_ERRORS: ReadonlySet<string> = new Set([
  'CONFIG_INVALID',
  'DATA_DIR_IN_USE',
  'PORT_IN_USE',
  'VALIDATION_FAILED',
]);

/**
 * `hearth status | head`: once the reader has gone, the rest of the output has nowhere to go. That is not an
 * error (EPIPE would otherwise crash the command with a stack trace): the output is dropped, the command goes on.
 */
const pipeOpen = { stdout: true, stderr: true };
function dropOutputOnClosedPipe(): void {
  for (const name of ['stdout', 'stderr'] as const) {
    process[name].on('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EPIPE') throw err;
      pipeOpen[name] = false;
    });
  }
}

/** The `hearth` command. Returns the exit code; bin/hearth.js sets it. */
export async function runCli(argv: string[], io: CliIo = defaultIo): Promise<number> {
  if (io === defaultIo) dropOutputOnClosedPipe();
  const [first, ...rest] = argv;
  if (first === '--help' || first === '-h' || first === 'help') {
    const target = rest[0] ? find(rest[0]) : undefined;
    if (rest[0] && !target) {
      io.err(`Unknown command "${rest[0]}".\n\n${overview()}`);
      return EXIT_USAGE;
    }
    io.out(target ? target.usage : overview());
    return EXIT_OK;
  }
  if (first === '--version' || first === '-v') {
    io.out(hubVersion());
    return EXIT_OK;
  }
  // `hearth --data-dir x` means `hearth start --data-dir x`.
  const command = first === undefined || first.startsWith('-') ? find('start') : find(first);
  const args = first === undefined || first.startsWith('-') ? argv : rest;
  if (!command) {
    io.err(`Unknown command "${first}".\n\n${overview()}`);
    return EXIT_USAGE;
  }
  if (args.includes('--help') || args.includes('-h')) {
    io.out(command.usage);
    return EXIT_OK;
  }
  try {
    return await command.run(args, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`hearth ${command.name}: ${err.message}\n\nUsage:\n${command.usage}`);
      return EXIT_USAGE;
    }
    if (err instanceof InputError) {
      io.err(`hearth ${command.name}: ${err.message}`);
      return EXIT_USAGE;
    }
    if (isHubError(err)) {
      io.err(`hearth ${command.name}: ${err.code}: ${err.message}`);
      return INPUT_ERRORS.has(err.code) ? EXIT_USAGE : EXIT_FAILURE;
    }
    io.err(
      `hearth ${command.name}: unexpected error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
    );
    return EXIT_FAILURE;
  }
}
