#!/usr/bin/env -S node --max-semi-space-size=4
// Runs the compiled CLI; `npm install` builds it (the `prepare` script).
// A 4 MB young generation instead of Node's 16 MB: about 30 MB less RSS for the hub on a Pi-class
// board, for a few more (cheap) scavenges (bench/hub-memory.ts).
import { runCli } from '../dist/hub/cli/main.js';

const code = await runCli(process.argv.slice(2));
if (typeof code === 'number') process.exitCode = code;
