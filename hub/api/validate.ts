import type { FastifySchemaCompiler } from 'fastify';
import type { z } from 'zod';
import { formatIssues } from '../config/format-issues.js';
import { HubError } from '../sdk/errors.js';

type InputPart = 'body' | 'query' | 'params';

/** Validates an HTTP input with zod; failures list every path so the caller can fix them all at once. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, where: InputPart): z.infer<S> {
  const result = schema.safeParse(value ?? (where === 'body' ? undefined : {}));
  if (result.success) return result.data;
  const problems = formatIssues(result.error.issues, value);
  const summary = problems.map((p) => `${p.path}: ${p.message}`).join('; ');
  throw new HubError(
    'VALIDATION_FAILED',
    `Invalid request ${where}: ${summary}`,
    problems.map((p) => ({ ...p, in: where })),
  );
}

const PARTS: Record<string, InputPart> = { body: 'body', querystring: 'query', params: 'params' };

/**
 * fastify's validator for the zod schemas `RouteCatalog.add` gives a route (`schema: {params, querystring, body}`):
 * the handler then reads the parsed values (defaults and coercions applied) from `request`. fastify checks params,
 * then body, then query, before the handler and after the `onRequest` auth hook.
 */
export const zodValidatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) => {
  const where = httpPart === undefined ? undefined : PARTS[httpPart];
  if (where === undefined) throw new HubError('INTERNAL', `no zod validation for the request ${httpPart ?? 'part'}`);
  return (data) => {
    // fastify hands a missing body over as null; "required" is the clearer error for it.
    const value = where === 'body' && data === null ? undefined : data;
    try {
      return { value: parseInput(schema as z.ZodType, value, where) };
    } catch (error) {
      return { error: error as HubError };
    }
  };
};
