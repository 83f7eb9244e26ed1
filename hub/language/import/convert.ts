/**
 * Home Assistant sentences → a Hearth sentence set. The template syntax is the same (`(a|b)`,
 * `[opt]`, `{list}`, `{list:slot}`, `<rule>`, `(a;b)`), so sentences are kept as written; only the
 * names of the file's own lists and rules are prefixed, so two files (or a file and the built-in
 * `<name>`) cannot overwrite each other. Lists and rules the file does not define resolve to
 * Hearth's (`{name}`, `{area}`, `<area>`…), as they do in Home Assistant.
 */
import { HubError } from '../../sdk/errors.js';
import type { SentenceSet } from '../sentences.js';
import type { ListValue, SlotListDefinition } from '../slot-lists.js';
import type { TemplateNode } from '../template/ast.js';
import { parseTemplate } from '../template/parser.js';
import type { HaList, HaSentenceFile } from './schema.js';

/** Above every built-in sentence's priority. */
const CUSTOM_PRIORITY = 10;

export interface ImportProblem {
  path: string;
  message: string;
}

export interface KnownNames {
  list(name: string): boolean;
  rule(name: string): boolean;
}

export interface ConvertedSentences {
  set: SentenceSet;
  /** Things the file asks for that Hearth does not do (context conditions…), for the log. */
  warnings: string[];
}

/** A value's `in` may itself be a template ("(living|family) room"); at most this many spoken forms each. */
const MAX_FORMS_PER_VALUE = 64;
const REFERENCE = /\{\s*([^}:]*?)\s*(?::\s*([^}]*?)\s*)?\}|<\s*([^>]*?)\s*>/g;

export function convertHaSentences(
  file: HaSentenceFile,
  prefix: string,
  known: KnownNames,
  source: string,
): ConvertedSentences {
  const problems: ImportProblem[] = [];
  const warnings: string[] = [];
  const ownLists = new Set(Object.keys(file.lists));
  const fileRules = new Map(Object.keys(file.expansion_rules).map((name) => [name, `${prefix}${name}`]));

  const rewrite = (template: string, path: string, rules: Map<string, string>): string | undefined => {
    let failed = false;
    const out = template.replace(
      REFERENCE,
      (whole, list: string | undefined, slot: string | undefined, rule: string | undefined) => {
        if (rule !== undefined) {
          const own = rules.get(rule);
          if (own) return `<${own}>`;
          if (!known.rule(rule)) {
            problems.push({ path, message: `the rule <${rule}> is not defined; add it under expansion_rules` });
            failed = true;
          }
          return whole;
        }
        if (ownLists.has(list!)) return `{${prefix}${list}:${slot ?? list}}`;
        if (!known.list(list!)) {
          problems.push({
            path,
            message: `the list {${list}} is not defined; add it under lists (Hearth provides name, area, floor, brightness, temperature, color…)`,
          });
          failed = true;
        }
        return whole;
      },
    );
    if (failed) return undefined;
    try {
      parseTemplate(out);
    } catch (err) {
      problems.push({ path, message: reasonOf(err) });
      return undefined;
    }
    return out;
  };

  const rules: Record<string, string> = {};
  for (const [name, body] of Object.entries(file.expansion_rules)) {
    const converted = rewrite(body, `expansion_rules.${name}`, fileRules);
    if (converted) rules[fileRules.get(name)!] = converted;
  }

  const lists: Record<string, SlotListDefinition> = {};
  for (const [name, list] of Object.entries(file.lists)) {
    const converted = convertList(list, `lists.${name}`, problems);
    if (converted) lists[`${prefix}${name}`] = converted;
  }

  const intents: SentenceSet['intents'] = [];
  for (const [intent, { data }] of Object.entries(file.intents)) {
    const blocks = data.map((block, b) => {
      const at = `intents.${intent}.data[${b}]`;
      const blockRules = new Map(fileRules);
      for (const [name, body] of Object.entries(block.expansion_rules ?? {})) {
        const ruleName = `${prefix}${intent}_${b}_${name}`;
        blockRules.set(name, ruleName);
        const converted = rewrite(body, `${at}.expansion_rules.${name}`, blockRules);
        if (converted) rules[ruleName] = converted;
      }
      for (const key of ['requires_context', 'excludes_context'] as const) {
        if (block[key])
          warnings.push(
            `${source} ${at}.${key}: context conditions are not enforced; the sentences match in any area (the hearing device's area still fills {area} when none is said)`,
          );
      }
      const sentences = block.sentences
        .map((s, i) => rewrite(s, `${at}.sentences[${i}]`, blockRules))
        .filter((s): s is string => s !== undefined);
      // A household's own sentences win ties against the built-in ones (as Home Assistant's custom sentences do).
      return { sentences, priority: CUSTOM_PRIORITY, ...(block.slots ? { slots: block.slots } : {}) };
    });
    intents.push({ intent, data: blocks });
  }

  if (problems.length > 0) {
    const lines = problems.map((p) => `  ${p.path}: ${p.message}`).join('\n');
    throw new HubError(
      'VALIDATION_FAILED',
      `Custom sentences ${source} are invalid:\n${lines}\nFix the file and load it again.`,
      { file: source, problems },
    );
  }
  return { set: { rules, lists, intents }, warnings };
}

function convertList(list: HaList, path: string, problems: ImportProblem[]): SlotListDefinition | undefined {
  if ('wildcard' in list) return { kind: 'wildcard' };
  if ('range' in list)
    return {
      kind: 'range',
      from: list.range.from,
      to: list.range.to,
      ...(list.range.step ? { step: list.range.step } : {}),
    };
  const values: ListValue[] = [];
  list.values.forEach((value, i) => {
    const said = typeof value === 'string' ? value : value.in;
    const out = typeof value === 'string' ? value : value.out;
    try {
      const forms = spokenForms(parseTemplate(said));
      if (forms.length > MAX_FORMS_PER_VALUE)
        throw new Error(
          `"${said}" has ${forms.length} spoken forms (at most ${MAX_FORMS_PER_VALUE}); split it into several values`,
        );
      for (const form of forms) if (form) values.push({ in: form, out });
    } catch (err) {
      problems.push({ path: `${path}.values[${i}]`, message: reasonOf(err) });
    }
  });
  return values.length > 0 ? { kind: 'values', values } : undefined;
}

/** Every phrase a value template can be said as; lists and rules make no sense inside a value. */
function spokenForms(node: TemplateNode): string[] {
  switch (node.kind) {
    case 'word':
      return [node.token];
    case 'seq':
      return node.items.reduce<string[]>(
        (heads, item) => {
          const tails = spokenForms(item);
          if (heads.length * tails.length > MAX_FORMS_PER_VALUE * 4) throw new Error('too many spoken forms');
          return heads.flatMap((h) => tails.map((t) => `${h} ${t}`.trim()));
        },
        [''],
      );
    case 'alt':
      return [...(node.optional ? [''] : []), ...node.options.flatMap(spokenForms)];
    case 'slot':
    case 'rule':
      throw new Error('a list value cannot contain {lists} or <rules>');
  }
}

/** A template error's reason without the "fix the template" sentence, which the file-level message says. */
function reasonOf(err: unknown): string {
  const details = err instanceof HubError ? (err.details as { reason?: unknown } | undefined) : undefined;
  return typeof details?.reason === 'string' ? details.reason : (err as Error).message;
}
