/** Writes a built grammar as JSGF 1.0 (https://www.w3.org/TR/jsgf/): one public `<command>` over per-intent rules. */
import { ruleName, type GrammarNode } from './ir.js';
import type { BuiltGrammar } from './builder.js';

export interface JsgfOptions {
  grammarName?: string;
  /** The public rule's name; the voice layer may wrap it with a wake phrase. */
  publicRule?: string;
}

export function writeJsgf(built: BuiltGrammar, options: JsgfOptions = {}): string {
  const publicRule = options.publicRule ?? 'command';
  const lines = ['#JSGF V1.0;', `grammar ${options.grammarName ?? 'hearth'};`, ''];
  // An empty alternation is a JSGF syntax error; <VOID> is the spec's "never matches".
  const top = built.intentRules.length > 0 ? built.intentRules.map((name) => `<${name}>`).join(' | ') : '<VOID>';
  lines.push(`public <${publicRule}> = ${top};`, '');
  for (const rule of built.rules) lines.push(`<${rule.name}> = ${writeNode(rule.body, true)};`);
  return lines.join('\n') + '\n';
}

function writeNode(node: GrammarNode, top = false): string {
  switch (node.kind) {
    case 'word':
      return node.word;
    case 'ref':
      return `<${node.rule}>`;
    case 'seq':
      return node.items.map((item) => writeNode(item)).join(' ');
    case 'alt': {
      const body = node.options.map((option) => writeNode(option)).join(' | ');
      if (node.optional) return `[${body}]`;
      return top ? body : `(${body})`;
    }
  }
}

/**
 * A written grammar (writeJsgf's, possibly wrapped with a wake phrase) whose command rule holds only `intent`'s
 * sentences: the rest of the grammar stays, so the intent's sentences cost what they cost in the whole grammar.
 * undefined when the grammar has no sentences for `intent`.
 */
export function jsgfFocusedOn(jsgf: string, intent: string, commandRule = 'command'): string | undefined {
  const rule = ruleName('intent', intent);
  if (!new RegExp(`^<${rule}> = `, 'm').test(jsgf)) return undefined;
  const command = new RegExp(`^((?:public )?<${commandRule}> = ).*;$`, 'm');
  return command.test(jsgf) ? jsgf.replace(command, `$1<${rule}>;`) : undefined;
}
