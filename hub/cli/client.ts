import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { API_TOKEN_FILE, readApiToken } from '../api/auth.js';
import { loadConfig } from '../config/load.js';
import { RUNTIME_FILE, type RuntimeInfo } from '../config/runtime-info.js';
import { HubError, type ErrorCode } from '../sdk/errors.js';
import { InputError, type CliIo } from './command.js';

export interface HubLocation {
  url: string;
  token: string;
  /** Where the token came from: the --token flag, HEARTH_API_TOKEN, or the token file's path. */
  tokenFrom: string;
}

/**
 * Finds the running hub: `--url`, else the runtime file the hub writes in its data dir (it knows the
 * real port), else the configured HTTP address. The token: `--token`, HEARTH_API_TOKEN, `<dataDir>/api-token`.
 * A data dir no hub has used, or that no hub runs on when one was named with --data-dir, is one line (exit 2).
 */
export function locateHub(
  values: { config?: string; 'data-dir'?: string; url?: string; token?: string },
  io: CliIo,
): HubLocation {
  const config = loadConfig({
    env: io.env,
    cwd: io.cwd,
    ...(values.config ? { configFile: values.config } : {}),
    ...(values['data-dir'] ? { overrides: { dataDir: values['data-dir'] } } : {}),
  });
  const dataDir = resolve(io.cwd, config.dataDir);
  const token = values.token ?? readApiToken(dataDir, io.env);
  const tokenFrom = values.token
    ? '--token'
    : io.env.HEARTH_API_TOKEN?.trim()
      ? 'HEARTH_API_TOKEN'
      : join(dataDir, API_TOKEN_FILE);
  if (values.url) return { url: values.url.replace(/\/+$/, ''), token: need(token, dataDir), tokenFrom };
  const runtime = readRuntime(dataDir);
  if (runtime) return { url: runtime.http.url, token: need(token, dataDir), tokenFrom };
  if (values['data-dir'] || token === undefined) {
    throw new InputError(
      `no hub is running with its data in ${dataDir} (there is no ${join(dataDir, RUNTIME_FILE)}): ` +
        `start one with \`hearth start${values['data-dir'] ? ` --data-dir ${values['data-dir']}` : ''}\`, or pass --data-dir, or --url and --token`,
    );
  }
  // A hub that runs with another data dir than ours: try the configured address.
  const host = config.http.host === '0.0.0.0' ? '127.0.0.1' : config.http.host;
  return { url: `http://${host}:${config.http.port}`, token, tokenFrom };
}

function readRuntime(dataDir: string): RuntimeInfo | undefined {
  try {
    return JSON.parse(readFileSync(join(dataDir, RUNTIME_FILE), 'utf8')) as RuntimeInfo;
  } catch {
    return undefined;
  }
}

function need(token: string | undefined, dataDir: string): string {
  if (token) return token;
  throw new InputError(
    `no API token: ${join(dataDir, API_TOKEN_FILE)} does not exist; pass --token or set HEARTH_API_TOKEN`,
  );
}

export class HubClient {
  constructor(private readonly location: HubLocation) {}

  get url(): string {
    return this.location.url;
  }

  get tokenFrom(): string {
    return this.location.tokenFrom;
  }

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.location.token}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    let res: Response;
    try {
      res = await fetch(`${this.location.url}/api/v1${path}`, {
        method,
        headers,
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        signal: AbortSignal.timeout(30_000),
      });
    } catch {
      throw new HubError(
        'DEVICE_UNAVAILABLE',
        `Cannot reach the hub at ${this.location.url}; is it running (hearth start)? Pass --url if it listens elsewhere.`,
      );
    }
    if (res.status === 204) return undefined as T;
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      throw new HubError(
        'INTERNAL',
        `The hub at ${this.location.url} answered ${res.status} with something that is not JSON.`,
      );
    }
    if (!res.ok) {
      const error = (parsed as { error?: { code?: string; message?: string; details?: unknown } } | undefined)?.error;
      if (error?.code && error.message) throw new HubError(error.code as ErrorCode, error.message, error.details);
      throw new HubError('INTERNAL', `The hub answered ${res.status}.`);
    }
    return parsed as T;
  }
}
