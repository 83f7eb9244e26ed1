/** The running hub's skill endpoints, as the CLI calls them. */
import { HubError, type ErrorCode, ErrorCodes } from '../../sdk/errors.js';

export interface HubConnection {
  /** e.g. http://127.0.0.1:8080 */
  url: string;
  token: string;
}

export async function hubRequest<T>(hub: HubConnection, method: string, path: string, body?: unknown): Promise<T> {
  const init: RequestInit = {
    method,
    headers: {
      authorization: `Bearer ${hub.token}`,
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
  };
  if (body !== undefined) init.body = JSON.stringify(body);
  let response: Response;
  try {
    response = await fetch(`${hub.url.replace(/\/$/, '')}/api/v1${path}`, init);
  } catch (err) {
    throw new HubError('INTERNAL', `cannot reach the hub at ${hub.url} (${(err as Error).message}): is it running?`);
  }
  if (response.status === 204) return undefined as T;
  const json = (await response.json()) as T & { error?: { code: string; message: string; details?: unknown } };
  if (!response.ok) {
    const code = (json.error?.code && json.error.code in ErrorCodes ? json.error.code : 'INTERNAL') as ErrorCode;
    throw new HubError(code, json.error?.message ?? `hub answered ${response.status}`, json.error?.details);
  }
  return json;
}
