import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readApiToken } from '../api/auth.js';
import { loadConfig } from '../config/load.js';
import { RUNTIME_FILE, type RuntimeInfo } from '../config/runtime-info.js';
import { HubError, type ErrorCode } from '../sdk/errors.js';
import type { CliIo } from './command.js';

export interface HubLocation {
  url: string;
  token: string | undefined;
}

/**
 * Finds the running hub: `--url`, else the runtime file the hub writes in its data dir (it knows the
 * real port), else the configured HTTP address. The token: `--token`, HEARTH_API_TOKEN, `<dataDir>/api-token`.
 */
export function locateHub(values: { config?: string; 'data-dir'?: string; url?: string; token?: string }, io: CliIo): HubLocation {
  const config = loadConfig({
    env: io.env,
    cwd: io.cwd,
    ...(values.config ? { configFile: values.config } : {}),
    ...(values['data-dir'] ? { overrides: { dataDir: values['data-dir'] } } : {}),
  });
  const token = values.token ?? readApiToken(config.dataDir, io.env);
  if (values.url) return { url: values.url.replace(/\/+$/, ''), token };
  try {
    const runtime = JSON.parse(readFileSync(join(resolve(io.cwd, config.dataDir), RUNTIME_FILE), 'utf8')) as RuntimeInfo;
    return { url: runtime.http.url, token };
  } catch {
    const host = config.http.host === '0.0.0.0' ? '127.0.0.1' : config.http.host;
    return { url: `http://${host}:${config.http.port}`, token };
  }
}

export class HubClient {
  constructor(private readonly location: HubLocation) {}

  get url(): string {
    return this.location.url;
  }

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = {};
    if (this.location.token) headers.authorization = `Bearer ${this.location.token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let res: Response;
    try {
      res = await fetch(`${this.location.url}/api/v1${path}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}), signal: AbortSignal.timeout(30_000) });
    } catch {
      throw new HubError('DEVICE_UNAVAILABLE', `Cannot reach the hub at ${this.location.url}; is it running (hearth start)? Pass --url if it listens elsewhere.`);
    }
    if (res.status === 204) return undefined as T;
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      throw new HubError('INTERNAL', `The hub at ${this.location.url} answered ${res.status} with something that is not JSON.`);
    }
    if (!res.ok) {
      const error = (parsed as { error?: { code?: string; message?: string; details?: unknown } } | undefined)?.error;
      if (error?.code && error.message) throw new HubError(error.code as ErrorCode, error.message, error.details);
      throw new HubError('INTERNAL', `The hub answered ${res.status}.`);
    }
    return parsed as T;
  }
}
