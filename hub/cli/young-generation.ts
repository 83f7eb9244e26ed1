/**
 * Starting the hub allocates much that survives (modules, compiled sentence templates, schemas), so V8 keeps
 * doubling the young generation up to its 16 MB semispaces, and an idle hub then holds ~30 MB of empty
 * young-generation pages for good (bench/hub-memory.ts). Holding the growth factor at 1 while the hub starts
 * keeps the young generation at its initial size; the default factor comes back afterwards, so a busy hub
 * still grows it under load.
 */
import { setFlagsFromString } from 'node:v8';

const FLAG = '--semi-space-growth-factor';
/** V8's default (`node --v8-options`). */
const DEFAULT_FACTOR = 2;

function setByUser(env: Record<string, string | undefined>): boolean {
  return [...process.execArgv, env.NODE_OPTIONS ?? ''].some((arg) => arg.includes(FLAG.slice(2)));
}

/** Runs the hub's start with the young generation held small; a growth factor the user chose is left alone. */
export async function withSmallYoungGeneration<T>(
  start: () => Promise<T>,
  env: Record<string, string | undefined> = process.env,
): Promise<T> {
  if (setByUser(env)) return start();
  setFlagsFromString(`${FLAG}=1`);
  try {
    return await start();
  } finally {
    setFlagsFromString(`${FLAG}=${DEFAULT_FACTOR}`);
  }
}
