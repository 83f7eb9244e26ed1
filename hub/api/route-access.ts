/**
 * Who may call a route, declared by the route itself and kept by fastify as the route's `config`. The auth hook
 * (auth.ts) reads it from the route fastify matched, after fastify decoded the path, so no spelling of a URL
 * (percent-encoding, absolute form, `..`) can reach a route under another route's rules. A route that declares
 * nothing needs a token: deny unless a route says it is public.
 */
import type { FastifyRequest } from 'fastify';

export interface RouteAccess {
  /** Anyone, without a token: only the liveness probe, the login and the dashboard's static files. */
  public?: boolean;
  /** Changes the household or the hub itself: the API token or an adult's session, never a child's. */
  adultOnly?: boolean;
  /** A WebSocket route: browsers cannot set headers on an upgrade, so the token may come as `?token=`. */
  queryToken?: boolean;
}

/** The `config` to give a route that anyone may call (e.g. `app.get(path, { config: PUBLIC_ROUTE }, handler)`). */
export const PUBLIC_ROUTE: Readonly<RouteAccess> = Object.freeze({ public: true });

/** What the matched route declared; a request no route matched (404) declares nothing, so it needs a token too. */
export function routeAccess(request: FastifyRequest): RouteAccess {
  if (request.is404) return {};
  return (request.routeOptions.config ?? {}) as RouteAccess;
}
