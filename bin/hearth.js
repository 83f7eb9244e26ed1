#!/usr/bin/env -S UV_THREADPOOL_SIZE=2 node --max-semi-space-size=4
// Runs the compiled CLI; `npm install` builds it (the `prepare` script).
// A 4 MB young generation instead of Node's 16 MB: about 30 MB less RSS for the hub on a Pi-class
// board, for a few more (cheap) scavenges (bench/hub-memory.ts).
// Two libuv pool threads instead of four: each scrypt of a device password (CONNECT, new credential) holds
// 16 MB while it runs, so a burst peaked 64 MB above the hub's RSS, now 32 MB (bench/hub-memory.ts, peak).
// Set here because libuv starts its pool before any of the hub's code runs.
import { runCli } from '../dist/hub/cli/main.js';

const code = await runCli(process.argv.slice(2));
if (typeof code === 'number') process.exitCode = code;
