import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HubError } from '../sdk/errors.js';
import './principal.js';
import { routeAccess, type RouteAccess } from './route-access.js';
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
export function readApiToken(
  dataDir: string,
  env: Record<string, string | undefined> = process.env,
): string | undefined {
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

/**
 * The bearer token of the Authorization header; `?token=` only on a WebSocket upgrade to a route that accepts it,
 * so a token never has to travel in the URL of a plain request.
 */
function presentedToken(request: FastifyRequest, access: RouteAccess): string | undefined {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    return match?.[1];
  }
  if (access.queryToken === true && request.ws) {
    const query = request.query as Record<string, unknown> | undefined;
    return typeof query?.token === 'string' ? query.token : undefined;
  }
  return undefined;
}

/**
 * A browser page from another site can still send a request to the hub (a form, `fetch` with no-cors, a
 * WebSocket); it cannot hide where it comes from. Browsers send `Origin` on every cross-origin request that can
 * change something and on every WebSocket, and `Sec-Fetch-Site` on all requests; either naming another site is
 * refused before any route runs, even a public one. Tools (curl, the CLI, devices) send neither.
 */
function crossSiteReason(request: FastifyRequest): string | undefined {
  const site = request.headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') return `Sec-Fetch-Site: ${site}`;
  const origin = request.headers.origin;
  if (origin === undefined) return undefined;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return `Origin: ${origin.slice(0, 100)}`; // "null" (a sandboxed frame, a file) or garbage
  }
  return originHost === request.headers.host ? undefined : `Origin: ${origin.slice(0, 100)}`;
}

/** The matched route's path pattern, for messages (never the raw URL, which may be spelled any way). */
function routeName(request: FastifyRequest): string {
  return `${request.method} ${request.routeOptions.url ?? request.url.split('?')[0]}`;
}

/**
 * Decides every request on the route fastify matched (route-access.ts), never on the raw URL: a route is open
 * without a token only when it declares `public`, `adultOnly` routes refuse a child's session, and requests from
 * another site's pages are refused. Sets `request.principal` (principal.ts) for the routes that check roles.
 */
export function installAuth(app: FastifyInstance, token: string, sessions?: Pick<SessionStore, 'lookup'>): void {
  app.decorateRequest('principal', undefined);
  app.addHook('onRequest', async (request) => {
    const crossSite = crossSiteReason(request);
    if (crossSite !== undefined) {
      throw new HubError(
        'FORBIDDEN',
        `Refused a request from another site's page (${crossSite}); the hub answers only its own dashboard and tools without an Origin.`,
      );
    }
    const access = routeAccess(request);
    if (access.public === true) return;
    const presented = presentedToken(request, access);
    if (presented === undefined) {
      throw new HubError(
        'UNAUTHORIZED',
        'Missing API token: send "Authorization: Bearer <token>" (the token is in <dataDir>/api-token or HEARTH_API_TOKEN, or log in with POST /api/v1/session).',
      );
    }
    if (tokensEqual(presented, token)) {
      request.principal = { kind: 'token' };
      return;
    }
    const session = sessions?.lookup(presented);
    if (!session) {
      throw new HubError(
        'UNAUTHORIZED',
        'Wrong API token or expired session: use the one in <dataDir>/api-token or HEARTH_API_TOKEN, or log in again.',
      );
    }
    request.principal = { kind: 'user', user: session.user, token: presented };
    if (access.adultOnly === true && session.user.role !== 'adult')
      throw new HubError(
        'FORBIDDEN',
        `${session.user.name} is logged in as a child; ${routeName(request)} changes the home, so ask an adult.`,
      );
  });
}
