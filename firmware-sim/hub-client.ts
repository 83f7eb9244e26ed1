import { z } from 'zod';
import { ErrorCodes, HubError, type ErrorCode } from '../hub/sdk/index.js';

/** Only what the simulator needs from the hub's HTTP API (docs/architecture.md), validated on the way in. */
const healthSchema = z.object({
  status: z.string(),
  mqtt: z.object({ port: z.number().int().min(1).max(65535), url: z.string() }),
});
const credentialSchema = z.object({ deviceId: z.string(), username: z.string(), password: z.string().min(1) });
const errorBodySchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

export type HubHealth = z.infer<typeof healthSchema>;
export type IssuedDeviceCredential = z.infer<typeof credentialSchema>;

export interface FloorBody {
  id: string;
  name: string;
  aliases: string[];
}
export interface AreaBody extends FloorBody {
  floor?: string;
}
export interface DeviceBody {
  id: string;
  name: string;
  aliases: string[];
  area?: string;
  type: string;
  deviceClass?: string;
  capabilities?: string[];
}

type Fetch = typeof fetch;

export class HubClient {
  private readonly base: string;

  constructor(
    hubUrl: string,
    private readonly token: string,
    private readonly fetchImpl: Fetch = fetch,
  ) {
    this.base = `${hubUrl.replace(/\/+$/, '')}/api/v1`;
  }

  /** Waits until the hub answers 200 on /health (it says 503 while starting). */
  async waitForHealth(timeoutMs = 15_000, pollMs = 250): Promise<HubHealth> {
    const deadline = Date.now() + timeoutMs;
    let last = 'no answer';
    while (Date.now() < deadline) {
      try {
        const res = await this.fetchImpl(`${this.base}/health`);
        if (res.ok) return healthSchema.parse(await res.json());
        last = `HTTP ${res.status}`;
      } catch (err) {
        last = (err as Error).message;
      }
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
    throw new HubError(
      'DEVICE_UNAVAILABLE',
      `the hub at ${this.base} is not ready (${last}); start it with "hearth start" or check --hub`,
    );
  }

  /** POST, or reuse what is already there: a 409 means the id exists, which is what we want. */
  async ensure(
    collection: 'floors' | 'areas' | 'devices',
    body: FloorBody | AreaBody | DeviceBody,
  ): Promise<'created' | 'existing'> {
    const res = await this.request('POST', `/${collection}`, body);
    if (res.status === 201 || res.status === 200) return 'created';
    if (res.status === 409) return 'existing';
    throw await this.failure(res, `POST /${collection} (${body.id})`);
  }

  async createCredential(deviceId: string, extraTopics: string[] = []): Promise<IssuedDeviceCredential> {
    const res = await this.request(
      'POST',
      `/devices/${encodeURIComponent(deviceId)}/credentials`,
      extraTopics.length ? { extraTopics } : {},
    );
    if (!res.ok) throw await this.failure(res, `POST /devices/${deviceId}/credentials`);
    return credentialSchema.parse(await res.json());
  }

  async deviceExists(deviceId: string): Promise<boolean> {
    const res = await this.request('GET', `/devices/${encodeURIComponent(deviceId)}`);
    if (res.status === 404) return false;
    if (!res.ok) throw await this.failure(res, `GET /devices/${deviceId}`);
    return true;
  }

  async patchDevice(deviceId: string, patch: Partial<Omit<DeviceBody, 'id'>>): Promise<void> {
    const res = await this.request('PATCH', `/devices/${encodeURIComponent(deviceId)}`, patch);
    if (!res.ok) throw await this.failure(res, `PATCH /devices/${deviceId}`);
  }

  private request(method: string, path: string, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.token}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    return this.fetchImpl(`${this.base}${path}`, {
      method,
      headers,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  }

  private async failure(res: Response, what: string): Promise<HubError> {
    const text = await res.text().catch(() => '');
    let parsed: z.infer<typeof errorBodySchema> | undefined;
    try {
      parsed = errorBodySchema.parse(JSON.parse(text));
    } catch {
      parsed = undefined;
    }
    if (res.status === 401)
      return new HubError(
        'UNAUTHORIZED',
        `${what}: the hub refused the token; pass the one in <data-dir>/api-token with --token`,
      );
    const code = parsed && parsed.error.code in ErrorCodes ? (parsed.error.code as ErrorCode) : 'INTERNAL';
    return new HubError(code, `${what} failed with HTTP ${res.status}: ${parsed?.error.message ?? text.slice(0, 200)}`);
  }
}
