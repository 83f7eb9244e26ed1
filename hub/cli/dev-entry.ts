/** Runs the CLI from source (`node --import tsx hub/cli/dev-entry.ts …`), for tests that spawn a hub without a build. */
import { runCli } from './main.js';

process.exitCode = await runCli(process.argv.slice(2));
