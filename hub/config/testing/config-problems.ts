import type { ConfigProblem } from '../format-issues.js';
import { parseConfig } from '../load.js';
import { isHubError } from '../../sdk/errors.js';

/** The problems `parseConfig` reports for `input` (each names its key); fails the test if the config is accepted. */
export function configProblems(input: Record<string, unknown>): ConfigProblem[] {
  try {
    parseConfig(input);
  } catch (err) {
    if (isHubError(err) && err.code === 'CONFIG_INVALID')
      return (err.details as { problems: ConfigProblem[] }).problems;
    throw err;
  }
  throw new Error('the config was accepted');
}
