/**
 * Runs inside a worker thread (the fallback where the child-process sandbox is not available): loads one
 * third-party skill and answers calls from the hub (skill-runner.mjs). The skill's ctx forwards every capability
 * to the main thread, which checks the permissions.
 */
import { parentPort } from 'node:worker_threads';
import { skillRunner } from './skill-runner.mjs';

const port = parentPort;
if (!port) throw new Error('skill-worker must run in a worker thread');
port.on(
  'message',
  skillRunner((message) => port.postMessage(message)),
);
