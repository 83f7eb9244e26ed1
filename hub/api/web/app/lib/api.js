// The token lives in sessionStorage: it is gone when the tab closes, and never sent to another origin.
const TOKEN_KEY = 'hearth.token';

export function savedToken() {
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}
export function saveToken(token) {
  sessionStorage.setItem(TOKEN_KEY, token);
}
export function forgetToken() {
  sessionStorage.removeItem(TOKEN_KEY);
}

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/** Calls /api/v1 with the saved token; resolves with the JSON body (undefined for 204). */
export async function api(method, path, body, options = {}) {
  const headers = { authorization: `Bearer ${options.token ?? savedToken()}` };
  let payload;
  if (body instanceof Blob) {
    payload = body;
    headers['content-type'] = body.type || 'application/octet-stream';
  } else if (body !== undefined) {
    payload = JSON.stringify(body);
    headers['content-type'] = 'application/json';
  }
  const response = await fetch(`/api/v1${path}`, { method, headers, body: payload });
  const text = await response.text();
  let json;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (!response.ok) {
    const error = json?.error;
    if (response.status === 401 && options.token === undefined) window.dispatchEvent(new Event('hearth:unauthorized'));
    throw new ApiError(
      response.status,
      error?.code ?? 'HTTP_' + response.status,
      error?.message ?? `${method} ${path} answered ${response.status}`,
    );
  }
  return json;
}

/** A route that the running hub may not have yet (module not wired): undefined instead of an error. */
export async function apiOptional(method, path, body) {
  try {
    return await api(method, path, body);
  } catch (err) {
    if (err instanceof ApiError && err.status === 404 && err.message.startsWith('No route ')) return undefined;
    throw err;
  }
}
