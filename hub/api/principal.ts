/**
 * Who made a request: the API token holder (full rights) or a household user logged in with a password.
 * Set by the auth hook (auth.ts); routes ask it before changing settings or buying for someone.
 */
import type { FastifyRequest } from 'fastify';
import { HubError } from '../sdk/errors.js';
import type { HouseholdUser } from './sessions/session-store.js';

export type Principal = { kind: 'token' } | { kind: 'user'; user: HouseholdUser; token: string };

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | undefined;
  }
}

/** Routes behind the auth hook always have one; a public route has none. */
export function principalOf(request: FastifyRequest): Principal {
  return request.principal ?? { kind: 'token' };
}

/** The logged-in user, or undefined for the API token. */
export function sessionUser(request: FastifyRequest): HouseholdUser | undefined {
  const p = request.principal;
  return p?.kind === 'user' ? p.user : undefined;
}

/** Settings, users and limits: the API token or an adult. */
export function requireAdult(request: FastifyRequest, what: string): void {
  const user = sessionUser(request);
  if (user && user.role !== 'adult')
    throw new HubError('FORBIDDEN', `${user.name} is logged in as a child and may not ${what}; ask an adult.`);
}

/**
 * The user an action is done for: a logged-in user acts only as themselves; the token holder names anyone.
 * `named` is what the request asked for (undefined: the session's user, or `fallback`).
 */
export function actingUser(request: FastifyRequest, named: string | undefined, field: string): string | undefined {
  const user = sessionUser(request);
  if (!user) return named;
  if (named !== undefined && named !== user.id)
    throw new HubError(
      'FORBIDDEN',
      `${field}: you are logged in as ${user.id} and cannot act as "${named}"; leave ${field} out or log in as that user.`,
    );
  return user.id;
}
