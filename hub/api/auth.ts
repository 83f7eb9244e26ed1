import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HubError } from '../sdk/errors.js';
import './principal.js';
import type { SessionStore } from './sessions/session-store.js';

export const API_TOKEN_FILE = 'api-token';

/**
 * The API token: `HEARTH_API_TOKEN` if set, else `<dataDir>/api-token`, generated (mode 0600) on first start.
 * Does I/O, so it is called from start(), never from a constructor.
 */
export function resolveApiToken(dataDir: string, env: Record<string, string | undefined> = process.env): string {
  const fromEnv = env.HEARTH_API_TOKEN?.trim();
  if (fromEnv) return fromEnv;
  const file = join(dataDir, API_TOKEN_FILE);
  try {
    const existing = readFileSync(file, 'utf8').trim();
    if (existing) return existing;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  mkdirSync(dataDir, { recursive: true });
  const token = randomBytes(32).toString('base64url');
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  chmodSync(file, 0o600); // the mode above is filtered by the umask; make sure
  return token;
}

/** Reads the token a running hub uses, for the CLI; undefined when there is none yet. */
export function readApiToken(dataDir: string, env: Record<string, string | undefined> = process.env): string | undefined {
  const fromEnv = env.HEARTH_API_TOKEN?.trim();
  if (fromEnv) return fromEnv;
  try {
    return readFileSync(join(dataDir, API_TOKEN_FILE), 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Hashing both sides first gives equal lengths, so the compare time says nothing about the token. */
export function tokensEqual(presented: string, expected: string): boolean {
  const a = createHash('sha256').update(presented).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

function presentedToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    return match?.[1];
  }
  // Browsers cannot set headers on a WebSocket, so the upgrade request may carry ?token=.
  if (request.headers.upgrade?.toLowerCase() === 'websocket') {
    const query = request.query as Record<string, unknown> | undefined;
    return typeof query?.token === 'string' ? query.token : undefined;
  }
  return undefined;
}

/**
 * Every /api route needs the API token or a user's session token unless its route config says `public: true`.
 * Sets `request.principal` (principal.ts) for the routes that check roles.
 */
export function installAuth(app: FastifyInstance, token: string, sessions?: Pick<SessionStore, 'lookup'>): void {
  app.decorateRequest('principal', undefined);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const config = request.routeOptions.config as { public?: boolean; adultOnly?: boolean } | undefined;
    if (config?.public === true) return;
    const presented = presentedToken(request);
    if (presented === undefined) {
      throw new HubError('UNAUTHORIZED', 'Missing API token: send "Authorization: Bearer <token>" (the token is in <dataDir>/api-token or HEARTH_API_TOKEN, or log in with POST /api/v1/session).');
    }
    if (tokensEqual(presented, token)) {
      request.principal = { kind: 'token' };
      return;
    }
    const session = sessions?.lookup(presented);
    if (!session) {
      throw new HubError('UNAUTHORIZED', 'Wrong API token or expired session: use the one in <dataDir>/api-token or HEARTH_API_TOKEN, or log in again.');
    }
    request.principal = { kind: 'user', user: session.user, token: presented };
    if (config?.adultOnly === true && session.user.role !== 'adult')
      throw new HubError('FORBIDDEN', `${session.user.name} is logged in as a child; ${request.method} ${request.url.split('?')[0]} changes the home, so ask an adult.`);
  });
}
