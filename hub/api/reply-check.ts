/**
 * Checks replies against the schemas their route declares (the same ones /openapi.json describes), so a handler
 * that drifts from its documentation fails the tests that call it. Turned on by `http.checkReplies` (tests and
 * development): it parses every reply once more.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { formatIssues } from '../config/format-issues.js';
import { HubError } from '../sdk/errors.js';
import { errorBodySchema } from './schemas.js';

/** The part of a route's declaration (openapi.ts) that says what it replies. */
interface DeclaredReplies {
  method: string;
  /** Status → schema of the reply; `null` means no body. */
  responses: Record<number, z.ZodType | null>;
}

/** What is wrong with a reply of `status` carrying `payload`, or undefined when it is what the route declares. */
export function replyProblem(spec: DeclaredReplies, status: number, payload: unknown): string | undefined {
  // What the client receives: dates as strings, undefined fields left out.
  const sent: unknown = payload === undefined ? undefined : JSON.parse(JSON.stringify(payload));
  const schema = status in spec.responses ? spec.responses[status] : status >= 400 ? errorBodySchema : undefined;
  if (schema === undefined) {
    return `status ${status} is not declared (declared: ${Object.keys(spec.responses).join(', ')})`;
  }
  if (schema === null) return `status ${status} is declared without a body, but the reply has one`;
  const result = schema.safeParse(sent);
  if (result.success) return undefined;
  return formatIssues(result.error.issues, sent)
    .map((p) => `${p.path}: ${p.message}`)
    .join('; ');
}

/** A `preSerialization` hook refusing (500) any reply of the route that does not match its declaration. */
export function replyChecker(spec: DeclaredReplies) {
  return async (request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> => {
    const problem = replyProblem(spec, reply.statusCode, payload);
    if (problem === undefined) return payload;
    throw new HubError(
      'INTERNAL',
      `The reply of ${spec.method} ${request.url} (${reply.statusCode}) does not match the route's declared schema: ${problem}`,
    );
  };
}
