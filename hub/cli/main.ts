import { hubVersion } from '../config/package-info.js';
import { isHubError } from '../sdk/errors.js';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, UsageError, type CliCommand, type CliIo } from './command.js';
import { COMMANDS } from './commands/index.js';
import { readSecret } from './secret-input.js';

const defaultIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
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
    'hearth help <command> shows a command\'s options; hearth --version prints the version.',
  ].join('\n');
}

function find(name: string): CliCommand | undefined {
  return COMMANDS.find((c) => c.name === name);
}

/** The `hearth` command. Returns the exit code; bin/hearth.js sets it. */
export async function runCli(argv: string[], io: CliIo = defaultIo): Promise<number> {
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
    if (isHubError(err)) {
      io.err(`hearth ${command.name}: ${err.code}: ${err.message}`);
      return err.code === 'CONFIG_INVALID' ? EXIT_USAGE : EXIT_FAILURE;
    }
    io.err(`hearth ${command.name}: unexpected error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    return EXIT_FAILURE;
  }
}
