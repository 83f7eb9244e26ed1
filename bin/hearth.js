#!/usr/bin/env node
// Runs the compiled CLI; `npm install` builds it (the `prepare` script).
import { runCli } from '../dist/hub/cli/main.js';

const code = await runCli(process.argv.slice(2));
if (typeof code === 'number') process.exitCode = code;
