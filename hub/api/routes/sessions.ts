/**
 * Password login for household users: POST /session opens a session (its token works like the API token,
 * with the user's role), DELETE /session ends it, GET /session says who is logged in,
 * PUT /users/:id/password sets a password (the API token holder for anyone, a user for themselves).
 */
import { z } from 'zod';
import { HubError } from '../../sdk/errors.js';
import { principalOf } from '../principal.js';
import { MIN_PASSWORD_LENGTH } from '../sessions/session-store.js';
import { defineRoutes } from '../route-group.js';

const loginBody = z.strictObject({ user: z.string().min(1).max(64), password: z.string().min(1).max(200) });
const userSchema = z.object({ id: z.string(), name: z.string(), role: z.enum(['adult', 'child']) });
const sessionReply = z.object({ token: z.string(), expiresAt: z.number(), user: userSchema });
const whoAmI = z.object({
  kind: z.enum(['token', 'user']),
  user: userSchema.optional(),
  expiresAt: z.number().optional(),
});
const passwordBody = z.strictObject({
  password: z.string().min(MIN_PASSWORD_LENGTH, `use at least ${MIN_PASSWORD_LENGTH} characters`).max(200),
});
const userParams = z.object({ id: z.string().min(1).max(64) });

export const sessionRoutes = defineRoutes({
  name: 'sessions',
  needs: ['sessions'],
  plugin: async (app, { deps, routes }) => {
    const sessions = deps.sessions;

    routes.add(
      app,
      {
        method: 'POST',
        url: '/session',
        public: true,
        tag: 'auth',
        summary: "Log in with a household user's password; the reply's token is used like the API token",
        body: loginBody,
        responses: { 201: sessionReply },
        errors: ['UNAUTHORIZED', 'TOO_MANY_REQUESTS'],
      },
      async (request, reply) => {
        const { user, password } = request.body;
        try {
          return reply.status(201).send(await sessions.login(user, password, request.ip));
        } catch (err) {
          if (err instanceof HubError && err.code === 'TOO_MANY_REQUESTS')
            reply.header(
              'retry-after',
              String(Math.ceil((err.details as { retryAfterMs: number }).retryAfterMs / 1000)),
            );
          throw err;
        }
      },
    );

    routes.add(
      app,
      {
        method: 'GET',
        url: '/session',
        tag: 'auth',
        summary: 'Who the presented token belongs to: the API token or a logged-in user',
        responses: { 200: whoAmI },
      },
      async (request) => {
        const p = principalOf(request);
        if (p.kind === 'token') return { kind: 'token' };
        return { kind: 'user', user: p.user, expiresAt: sessions.lookup(p.token)?.expiresAt };
      },
    );

    routes.add(
      app,
      {
        method: 'DELETE',
        url: '/session',
        tag: 'auth',
        summary: 'Log out: the presented session token stops working (the API token cannot be revoked here)',
        responses: { 204: null },
        errors: ['VALIDATION_FAILED'],
      },
      async (request, reply) => {
        const p = principalOf(request);
        if (p.kind === 'token')
          throw new HubError(
            'VALIDATION_FAILED',
            'This is the API token, not a session; change it with HEARTH_API_TOKEN or by deleting <dataDir>/api-token.',
          );
        sessions.revoke(p.token);
        return reply.status(204).send();
      },
    );

    routes.add(
      app,
      {
        method: 'PUT',
        url: '/users/:id/password',
        tag: 'auth',
        summary:
          "Set a household user's password (API token: anyone; a logged-in user: themselves); ends their other sessions",
        params: userParams,
        body: passwordBody,
        responses: { 204: null },
        errors: ['FORBIDDEN', 'NOT_FOUND'],
      },
      async (request, reply) => {
        const { id } = request.params;
        const { password } = request.body;
        const p = principalOf(request);
        if (p.kind === 'user' && p.user.id !== id)
          throw new HubError(
            'FORBIDDEN',
            `You are logged in as ${p.user.id} and may set only your own password; use the API token to set ${id}'s.`,
          );
        sessions.setPassword(id, password, p.kind === 'user' ? p.token : undefined);
        return reply.status(204).send();
      },
    );
  },
});
