import type { z } from 'zod';
import { formatIssues } from '../config/format-issues.js';
import { HubError } from '../sdk/errors.js';

/** Validates an HTTP input with zod; failures list every path so the caller can fix them all at once. */
export function parseInput<S extends z.ZodType>(
  schema: S,
  value: unknown,
  where: 'body' | 'query' | 'params',
): z.infer<S> {
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
