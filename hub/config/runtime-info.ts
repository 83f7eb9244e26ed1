/** Written to `<dataDir>/hub.json` while the hub runs, so `hearth status` and tests find the real ports (port 0 picks a free one). */
export const RUNTIME_FILE = 'hub.json';

export interface RuntimeInfo {
  pid: number;
  version: string;
  http: { url: string; port: number };
  mqtt: { url: string; port: number };
  startedAt: string;
}
