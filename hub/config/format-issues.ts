import type { z } from 'zod';

export interface ConfigProblem {
  /** Key path as written in YAML terms, e.g. `devices[3].type`. */
  path: string;
  message: string;
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(root)' : out;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current = input;
  for (const part of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[part];
  }
  return current;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${String(value)}`;
}

const MAX_LISTED_CHOICES = 8;

function listChoices(values: readonly unknown[]): string {
  const shown = values.slice(0, MAX_LISTED_CHOICES).map(String).join(', ');
  return values.length > MAX_LISTED_CHOICES ? `${shown}, … (${values.length} in all)` : shown;
}

/**
 * Turns zod issues into one line per problem, each naming the key and the reason in words a person
 * editing YAML understands. `input` is the merged config, so we can say what was actually written.
 */
export function formatIssues(issues: readonly z.core.$ZodIssue[], input: unknown): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  for (const issue of issues) {
    const got = valueAt(input, issue.path);
    switch (issue.code) {
      case 'invalid_value':
        problems.push({
          path: formatPath(issue.path),
          message: `must be one of ${listChoices(issue.values)} (got ${describe(got)})`,
        });
        break;
      case 'invalid_type':
        problems.push({
          path: formatPath(issue.path),
          message:
            got === undefined ? `is required (${issue.expected})` : `must be ${issue.expected} (got ${describe(got)})`,
        });
        break;
      case 'unrecognized_keys':
        for (const key of issue.keys) {
          problems.push({
            path: formatPath([...issue.path, key]),
            message: 'unknown key: remove it or check its spelling',
          });
        }
        break;
      case 'too_small':
      case 'too_big': {
        const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
        const word = issue.code === 'too_small' ? 'at least' : 'at most';
        const unit = issue.origin === 'string' ? ' characters' : issue.origin === 'array' ? ' items' : '';
        problems.push({
          path: formatPath(issue.path),
          message: `must be ${word} ${String(bound)}${unit} (got ${describe(got)})`,
        });
        break;
      }
      case 'invalid_format':
        problems.push({ path: formatPath(issue.path), message: `${issue.message} (got ${describe(got)})` });
        break;
      default:
        problems.push({ path: formatPath(issue.path), message: issue.message });
    }
  }
  return problems;
}
