import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ErrorCodes } from '../sdk/errors.js';
import { replyChecker } from './reply-check.js';
import type { RouteAccess } from './route-access.js';
import { errorBodySchema } from './schemas.js';
import { zodValidatorCompiler } from './validate.js';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * A route's declaration: fastify validates `params`, `query` and `body` with these zod schemas before the handler
 * (zodValidatorCompiler), and the OpenAPI document describes the same schemas.
 */
export interface RouteSpec<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
> {
  method: Method;
  /** Fastify path below /api/v1, e.g. `/devices/:id`. */
  url: string;
  summary: string;
  tag: string;
  /** No token needed (only /health and the login). */
  public?: boolean;
  /** Changes the household or the hub itself: the API token or an adult's session, never a child's. */
  adultOnly?: boolean;
  params?: P;
  query?: Q;
  body?: B;
  /** The body may be left out (the handler then reads `{}`). */
  bodyOptional?: boolean;
  /** Documents a body that the handler validates itself (instead of `body`), when its own errors say more. */
  documentedBody?: z.ZodType;
  /** Status → schema of the reply; `null` means no body (204). */
  responses: Record<number, z.ZodType | null>;
  /** Error codes this route may answer with, for the documentation. */
  errors?: (keyof typeof ErrorCodes)[];
}

/** The request as the handler sees it: params, query and body already parsed by the route's schemas. */
export type ParsedRequest<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> = FastifyRequest<{
  Params: z.output<P>;
  Querystring: z.output<Q>;
  Body: z.output<B>;
}>;

type Handler<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> = (
  request: ParsedRequest<P, Q, B>,
  reply: FastifyReply,
) => Promise<unknown>;

interface RecordedRoute extends RouteSpec {
  prefix: string;
}

/** What fastify validates, and how: a left-out optional body is read as `{}`. */
function validationSchema(spec: RouteSpec): Record<string, z.ZodType> {
  const schema: Record<string, z.ZodType> = {};
  if (spec.params) schema.params = spec.params;
  if (spec.query) schema.querystring = spec.query;
  if (spec.body) schema.body = spec.bodyOptional ? z.preprocess((body) => body ?? {}, spec.body) : spec.body;
  return schema;
}

export const API_PREFIX = '/api/v1';

/**
 * Registers routes with fastify and remembers them, so the OpenAPI document is generated
 * from the very zod schemas the handlers validate with.
 */
export class RouteCatalog {
  private readonly routes: RecordedRoute[] = [];
  readonly websockets: { url: string; summary: string; query?: z.ZodType }[] = [];

  /** `checkReplies`: refuse (500) any reply that does not match its route's declared schema (reply-check.ts). */
  constructor(private readonly options: { checkReplies?: boolean } = {}) {}

  add<P extends z.ZodType = z.ZodUnknown, Q extends z.ZodType = z.ZodUnknown, B extends z.ZodType = z.ZodUnknown>(
    app: FastifyInstance,
    spec: RouteSpec<P, Q, B>,
    handler: Handler<P, Q, B>,
  ): void {
    this.routes.push({ ...spec, prefix: app.prefix });
    app.route<{ Params: z.output<P>; Querystring: z.output<Q>; Body: z.output<B> }>({
      method: spec.method,
      url: spec.url,
      config: { public: spec.public === true, adultOnly: spec.adultOnly === true } satisfies RouteAccess,
      schema: validationSchema(spec),
      validatorCompiler: zodValidatorCompiler,
      ...(this.options.checkReplies ? { preSerialization: replyChecker(spec) } : {}),
      handler,
    });
  }

  /** WebSocket routes are registered by the caller (they need @fastify/websocket); this only documents them. */
  documentWebSocket(url: string, summary: string, query?: z.ZodType): void {
    this.websockets.push(query ? { url, summary, query } : { url, summary });
  }

  document(info: { version: string }): Record<string, unknown> {
    const paths: Record<string, Record<string, unknown>> = {};
    for (const route of this.routes) {
      const path = toOpenApiPath(route.prefix + route.url);
      paths[path] ??= {};
      paths[path][route.method.toLowerCase()] = operation(route);
    }
    for (const ws of this.websockets) {
      const path = toOpenApiPath(API_PREFIX + ws.url);
      paths[path] ??= {};
      paths[path].get = {
        summary: ws.summary,
        tags: ['events'],
        description: 'WebSocket (send `Upgrade: websocket`). Authenticate with `?token=` or the Authorization header.',
        parameters: [
          ...queryParameters(ws.query),
          { name: 'token', in: 'query', required: false, schema: { type: 'string' } },
        ],
        responses: { '101': { description: 'Switching protocols; then one JSON message per event' } },
      };
    }
    return {
      openapi: '3.1.0',
      info: {
        title: 'Hearth hub API',
        version: info.version,
        description:
          "Local-first smart-home hub. Every route except /health and the login needs `Authorization: Bearer <token>` (or a session token); routes marked `x-adult-only` refuse a child's session.",
      },
      servers: [{ url: '/' }],
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
        schemas: { Error: jsonSchema(errorBodySchema, 'output') },
      },
      security: [{ bearer: [] }],
      paths,
    };
  }
}

function toOpenApiPath(url: string): string {
  return url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const out = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Record<
    string,
    unknown
  >;
  delete out.$schema;
  return out;
}

function objectProperties(schema: z.ZodType | undefined): [string, Record<string, unknown>, boolean][] {
  if (!schema) return [];
  const json = jsonSchema(schema, 'input');
  const props = (json.properties ?? {}) as Record<string, Record<string, unknown>>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(props).map(([name, s]) => [name, s, required.has(name)]);
}

function queryParameters(schema: z.ZodType | undefined): Record<string, unknown>[] {
  return objectProperties(schema).map(([name, s, required]) => ({ name, in: 'query', required, schema: s }));
}

function operation(route: RecordedRoute): Record<string, unknown> {
  const parameters = [
    ...objectProperties(route.params).map(([name, s]) => ({ name, in: 'path', required: true, schema: s })),
    ...queryParameters(route.query),
  ];
  const responses: Record<string, unknown> = {};
  for (const [status, schema] of Object.entries(route.responses)) {
    responses[status] = schema
      ? { description: 'Success', content: { 'application/json': { schema: jsonSchema(schema, 'output') } } }
      : { description: 'Success, no body' };
  }
  const errors = [
    ...(route.errors ?? []),
    ...(route.adultOnly && !route.errors?.includes('FORBIDDEN') ? ['FORBIDDEN' as const] : []),
  ];
  const errorStatuses = new Set<number>(errors.map((code) => ErrorCodes[code]));
  if (!route.public) errorStatuses.add(401);
  const body = route.body ?? route.documentedBody;
  if (body || route.params || route.query) errorStatuses.add(400);
  for (const status of errorStatuses) {
    const codes = [...errors, ...(route.public ? [] : ['UNAUTHORIZED' as const]), 'VALIDATION_FAILED' as const].filter(
      (code) => ErrorCodes[code] === status,
    );
    responses[String(status)] = {
      description: codes.length > 0 ? codes.join(', ') : 'Error',
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
    };
  }
  const op: Record<string, unknown> = { summary: route.summary, tags: [route.tag], parameters, responses };
  if (route.public) op.security = [];
  // Read by clients (and the security probe in test/security) to know which routes refuse a child's session.
  if (route.adultOnly) op['x-adult-only'] = true;
  if (body)
    op.requestBody = {
      required: route.bodyOptional !== true,
      content: { 'application/json': { schema: jsonSchema(body, 'input') } },
    };
  return op;
}
