/**
 * Where `hearth-sim household` finds the hub: `--hub`/`--token` when given, else the files a running hub writes to
 * its data directory (`hub.json` with its URLs, `api-token`), as the `hearth` command does. Reads files only.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { HubError } from '../hub/sdk/index.js';

export interface HubLocation {
  hubUrl: string;
  token: string;
  mqttUrl?: string;
}

const runtimeFileSchema = z.object({
  http: z.object({ url: z.string() }),
  mqtt: z.object({ url: z.string() }).optional(),
});

export function locateHub(options: {
  hub?: string | undefined;
  token?: string | undefined;
  dataDir?: string | undefined;
  cwd?: string;
}): HubLocation {
  const dataDir = resolve(options.cwd ?? process.cwd(), options.dataDir ?? 'data');
  let hubUrl = options.hub;
  let mqttUrl: string | undefined;
  if (!hubUrl) {
    const file = join(dataDir, 'hub.json');
    const runtime = readJson(
      file,
      `no hub is running with data in ${dataDir} (${file} is missing): start it first, e.g. ` +
        '`npx hearth start --config config/example-household.yaml`, or pass --data-dir, or --hub and --token',
    );
    const parsed = runtimeFileSchema.safeParse(runtime);
    if (!parsed.success)
      throw new HubError('VALIDATION_FAILED', `${file} is not a hub runtime file; pass --hub and --token`);
    hubUrl = parsed.data.http.url;
    mqttUrl = parsed.data.mqtt?.url;
  }
  let token = options.token;
  if (!token) {
    const file = join(dataDir, 'api-token');
    try {
      token = readFileSync(file, 'utf8').trim();
    } catch {
      throw new HubError(
        'VALIDATION_FAILED',
        `no API token: pass --token, set HEARTH_API_TOKEN, or run beside the hub's data dir (${file} is missing)`,
      );
    }
  }
  return { hubUrl, token, ...(mqttUrl ? { mqttUrl } : {}) };
}

function readJson(file: string, missing: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new HubError('VALIDATION_FAILED', missing);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new HubError('VALIDATION_FAILED', `${file} is not JSON; pass --hub and --token`);
  }
}
