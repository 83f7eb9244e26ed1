#!/usr/bin/env node
// Fetches libvosk.so for the Vosk recogniser into vendor/vosk/ (gitignored).
//
// The `vosk` npm package cannot be installed on Node 20 (its ffi-napi dependency does not build),
// but its tarball carries a prebuilt libvosk for linux-x86_64. `npm pack` downloads the tarball
// through the normal npm client without installing or building anything; we unpack only the library.
//
//   node scripts/fetch-libvosk.mjs            → vendor/vosk/lib/linux-x86_64/libvosk.so
//
// arm64 (Raspberry Pi 4/5 64-bit): the npm tarball has no arm64 build. Take libvosk.so from the
// official release zip vosk-linux-aarch64-<version>.zip (https://github.com/alphacep/vosk-api/releases),
// or from the `vosk` Python wheel for aarch64 (`pip download vosk --platform manylinux2014_aarch64 --no-deps`,
// unzip, file vosk/libvosk.so), and set voice.vosk.library to its path.
//
// Models are not bundled: download one from https://alphacephei.com/vosk/models
// (vosk-model-small-en-us-0.15, ~40 MB, suits a hub), unzip it and set voice.vosk.modelPath to the folder.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const VERSION = '0.3.39';
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(root, 'vendor', 'vosk');
const library = join(target, 'lib', 'linux-x86_64', 'libvosk.so');

if (existsSync(library) && !process.argv.includes('--force')) {
  console.log(`libvosk already present: ${library}`);
  process.exit(0);
}
if (process.platform !== 'linux' || process.arch !== 'x64') {
  console.error(`The vosk npm tarball only carries linux-x86_64; this is ${process.platform}-${process.arch}.`);
  console.error('See the comment at the top of this script for arm64.');
  process.exit(1);
}
const work = mkdtempSync(join(tmpdir(), 'hearth-vosk-'));
try {
  const out = execFileSync('npm', ['pack', `vosk@${VERSION}`, '--silent', '--pack-destination', work], {
    encoding: 'utf8',
  });
  const tarball = join(work, out.trim().split('\n').pop() ?? '');
  mkdirSync(target, { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', target, '--strip-components=1', 'package/lib/linux-x86_64']);
  if (!existsSync(library)) throw new Error(`the tarball of vosk@${VERSION} had no lib/linux-x86_64/libvosk.so`);
  console.log(`libvosk ${VERSION} → ${library}`);
  console.log('Now download a model from https://alphacephei.com/vosk/models and set voice.vosk.modelPath.');
} finally {
  rmSync(work, { recursive: true, force: true });
}
