/**
 * Parses Hearth's sentence template language:
 *   word            a literal (normalised like spoken text: "what's" = "what is")
 *   (a|b c)         alternatives          [the|a]  optional alternatives
 *   {list}          slot filled from a list (the slot takes the list's name)
 *   {list:slot}     slot filled from `list`, reported under the name `slot`
 *   <rule>          a reusable rule (expansion)
 *   (a;b;c)         any order of the parts (Home Assistant's permutation form, at most 5 parts)
 */
import { HubError } from '../../sdk/errors.js';
import { tokenize } from '../normalize.js';
import type { TemplateNode } from './ast.js';

const NAME = /^[a-z_][a-z0-9_]*$/i;
const MAX_TEMPLATE_CHARS = 2000;

export class TemplateSyntaxError extends HubError {
  constructor(template: string, position: number, reason: string) {
    super(
      'VALIDATION_FAILED',
      `Sentence template "${template}" is invalid at position ${position}: ${reason}. Fix the template and load it again.`,
      {
        template,
        position,
        reason,
      },
    );
  }
}

export function parseTemplate(template: string): TemplateNode {
  if (template.length > MAX_TEMPLATE_CHARS)
    throw new TemplateSyntaxError(template.slice(0, 60) + '…', 0, `longer than ${MAX_TEMPLATE_CHARS} characters`);
  const parser = new Parser(template);
  const node = parser.parseSequenceUntil(undefined);
  if (!hasContent(node)) throw new TemplateSyntaxError(template, 0, 'the template has no words, slots or rules');
  return node;
}

function hasContent(node: TemplateNode): boolean {
  if (node.kind === 'seq') return node.items.some(hasContent);
  if (node.kind === 'alt') return node.options.some(hasContent);
  return true;
}

class Parser {
  private pos = 0;
  constructor(private readonly text: string) {}

  private fail(reason: string, at = this.pos): never {
    throw new TemplateSyntaxError(this.text, at, reason);
  }

  /** Parses until `close` (or end of text); returns a seq, or an alt if `|`/`;` separate the parts. */
  parseSequenceUntil(close: ')' | ']' | undefined): TemplateNode {
    const options: TemplateNode[] = [];
    let separator: '|' | ';' | undefined;
    let items: TemplateNode[] = [];
    const openedAt = this.pos - 1;
    for (;;) {
      const ch = this.text[this.pos];
      if (ch === undefined) {
        if (close) this.fail(`"${close === ')' ? '(' : '['}" opened at position ${openedAt} is never closed`);
        break;
      }
      if (ch === ')' || ch === ']') {
        if (ch !== close)
          this.fail(close ? `expected "${close}" but found "${ch}"` : `"${ch}" has no matching opening bracket`);
        this.pos++;
        break;
      }
      if (ch === '|' || ch === ';') {
        if (!close && ch === ';') this.fail('";" (any order) is only allowed inside ( )');
        if (separator && separator !== ch) this.fail('"|" and ";" cannot be mixed in one group');
        separator = ch;
        options.push({ kind: 'seq', items });
        items = [];
        this.pos++;
        continue;
      }
      if (/\s/.test(ch)) {
        this.pos++;
        continue;
      }
      items.push(this.parseItem());
    }
    options.push({ kind: 'seq', items });
    if (separator === ';') return permutations(options, this);
    if (options.length === 1) return options[0]!;
    return { kind: 'alt', options, optional: false };
  }

  tooManyPermutations(): never {
    return this.fail('an any-order group ( ; ) may have at most 5 parts');
  }

  private parseItem(): TemplateNode {
    const start = this.pos;
    const ch = this.text[this.pos]!;
    if (ch === '(') {
      this.pos++;
      const inner = this.parseSequenceUntil(')');
      if (!hasContent(inner)) this.fail('empty group "()"', start);
      return inner;
    }
    if (ch === '[') {
      this.pos++;
      const inner = this.parseSequenceUntil(']');
      if (!hasContent(inner)) this.fail('empty optional "[]"', start);
      const options = inner.kind === 'alt' ? inner.options : [inner];
      return { kind: 'alt', options, optional: true };
    }
    if (ch === '{') return this.parseBraced('{', '}', start);
    if (ch === '<') return this.parseBraced('<', '>', start);
    if (ch === '}' || ch === '>') this.fail(`"${ch}" has no matching opening bracket`);
    let end = this.pos;
    while (end < this.text.length && !/[\s()[\]{}<>|;]/.test(this.text[end]!)) end++;
    const word = this.text.slice(this.pos, end);
    this.pos = end;
    const tokens = tokenize(word, { said: true });
    if (tokens.length === 0) return { kind: 'seq', items: [] }; // punctuation such as "?" is not spoken
    if (tokens.length === 1) return { kind: 'word', token: tokens[0]! };
    return { kind: 'seq', items: tokens.map((token) => ({ kind: 'word', token })) };
  }

  private parseBraced(open: '{' | '<', close: '}' | '>', start: number): TemplateNode {
    const end = this.text.indexOf(close, start + 1);
    if (end < 0) this.fail(`"${open}" is never closed with "${close}"`, start);
    const body = this.text.slice(start + 1, end).trim();
    this.pos = end + 1;
    if (open === '<') {
      if (!NAME.test(body)) this.fail(`rule name "${body}" must be letters, digits or "_"`, start);
      return { kind: 'rule', name: body };
    }
    const [list, slot, extra] = body.split(':').map((s) => s.trim());
    if (extra !== undefined || !list || !NAME.test(list) || (slot !== undefined && !NAME.test(slot)))
      this.fail(`slot "{${body}}" must be {list} or {list:slot} with names of letters, digits or "_"`, start);
    return { kind: 'slot', list, slot: slot ?? list };
  }
}

function permutations(parts: TemplateNode[], parser: Parser): TemplateNode {
  if (parts.length > 5) parser.tooManyPermutations();
  const orders: TemplateNode[][] = [];
  const walk = (left: TemplateNode[], chosen: TemplateNode[]): void => {
    if (left.length === 0) orders.push(chosen);
    left.forEach((part, i) => walk([...left.slice(0, i), ...left.slice(i + 1)], [...chosen, part]));
  };
  walk(parts, []);
  return { kind: 'alt', optional: false, options: orders.map((items) => ({ kind: 'seq', items })) };
}
