/** Reads Home Assistant custom sentence files (YAML) and registers each as the owner `import:<file>`. */
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { parse } from 'yaml';
import type { z } from 'zod';
import type { Logger } from '../../core/logger.js';
import { HubError } from '../../sdk/errors.js';
import type { IntentRegistry } from '../intent-registry.js';
import { convertHaSentences, type ImportProblem } from './convert.js';
import { haSentenceFileSchema } from './schema.js';

export interface ImportedSentences {
  owner: string;
  file: string;
  intents: string[];
  sentences: number;
  warnings: string[];
}

/** Parses, validates and converts YAML text; registers it in `registry` (replacing an earlier import of the same file). */
export function importHaSentences(registry: IntentRegistry, yamlText: string, file: string): ImportedSentences {
  let raw: unknown;
  try {
    raw = parse(yamlText);
  } catch (err) {
    throw new HubError(
      'VALIDATION_FAILED',
      `Custom sentences ${file} are not valid YAML: ${(err as Error).message}. Fix the file and load it again.`,
      { file },
    );
  }
  const parsed = haSentenceFileSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = toProblems(parsed.error);
    const lines = problems.map((p) => `  ${p.path}: ${p.message}`).join('\n');
    throw new HubError(
      'VALIDATION_FAILED',
      `Custom sentences ${file} are invalid:\n${lines}\nFix the file and load it again.`,
      { file, problems },
    );
  }
  const owner = `import:${basename(file)}`;
  const prefix = `import_${basename(file)
    .replace(/\.ya?ml$/i, '')
    .replace(/[^a-z0-9_]/gi, '_')}__`;
  const rules = registry.ruleTable();
  const { set, warnings } = convertHaSentences(
    parsed.data,
    prefix,
    { list: (n) => registry.lists.has(n), rule: (n) => rules.has(n) && !n.startsWith(prefix) },
    file,
  );
  registry.removeIntents(owner);
  registry.addSentenceSet(owner, set);
  return {
    owner,
    file,
    intents: set.intents.map((i) => i.intent),
    sentences: set.intents.reduce((n, i) => n + i.data.reduce((m, b) => m + b.sentences.length, 0), 0),
    warnings,
  };
}

export async function importHaSentenceFile(registry: IntentRegistry, path: string): Promise<ImportedSentences> {
  const file = resolve(path);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new HubError(
      'CONFIG_INVALID',
      `Custom sentences file ${file} cannot be read (${(err as Error).message}); fix language.customSentences or create the file.`,
      { file },
    );
  }
  return importHaSentences(registry, text, file);
}

/** Loads every file in `language.customSentences` at start; one bad file stops the start with its problems listed. */
export async function loadCustomSentences(
  registry: IntentRegistry,
  paths: readonly string[],
  log: Logger,
): Promise<ImportedSentences[]> {
  const loaded: ImportedSentences[] = [];
  for (const path of paths) {
    const result = await importHaSentenceFile(registry, path);
    for (const warning of result.warnings) log.warn({ file: result.file }, warning);
    log.info({ file: result.file, intents: result.intents, sentences: result.sentences }, 'custom sentences imported');
    loaded.push(result);
  }
  return loaded;
}

function toProblems(error: z.ZodError): ImportProblem[] {
  return error.issues.map((issue) => ({
    path:
      issue.path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('') ||
      '(root)',
    message: issue.message,
  }));
}
