#!/usr/bin/env node
import { runSimCli } from '../dist/firmware-sim/cli.js';

const code = await runSimCli(process.argv.slice(2));
if (typeof code === 'number') process.exitCode = code;
