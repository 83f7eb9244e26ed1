import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Written to `<dataDir>/hub.json` while the hub runs, so `hearth status` and tests find the real ports (port 0 picks a free one). */
export const RUNTIME_FILE = 'hub.json';

export interface RuntimeInfo {
  pid: number;
  version: string;
  http: { url: string; port: number };
  mqtt: { url: string; port: number };
  startedAt: string;
}

/**
 * Writes hub.json next to itself and renames it into place, so a reader (`hearth status` during start-up)
 * sees the old file, no file, or the whole new one — never half of it. Returns the file's path.
 */
export function writeRuntimeInfo(dataDir: string, info: RuntimeInfo): string {
  const file = join(dataDir, RUNTIME_FILE);
  const partial = `${file}.${process.pid}.tmp`;
  writeFileSync(partial, `${JSON.stringify(info, null, 2)}\n`);
  renameSync(partial, file);
  return file;
}
