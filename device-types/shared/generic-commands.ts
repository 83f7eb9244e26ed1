/** Commands of types served by the generic native driver: the names are the vocabulary, params any JSON object. */
import { z } from 'zod';
import type { CommandSchemas } from '../../hub/sdk/index.js';

const anyParams = z.record(z.string(), z.unknown());

export function genericCommands(...names: string[]): CommandSchemas {
  return Object.fromEntries(names.map((name) => [name, anyParams]));
}
