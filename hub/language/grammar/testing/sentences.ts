/** For tests: the sentences a grammar rule accepts, with rule references left as `<name>` (or read back from JSGF text). */
import { alt, seq, type GrammarNode } from '../ir.js';

/** Every sentence of `node`, references kept as `<name>`; throws past `limit` (a test should stay small). */
export function sentencesOf(node: GrammarNode, limit = 200_000): Set<string> {
  const walk = (n: GrammarNode): string[] => {
    if (n.kind === 'word') return [n.word];
    if (n.kind === 'ref') return [`<${n.rule}>`];
    if (n.kind === 'alt') return [...new Set([...(n.optional ? [''] : []), ...n.options.flatMap(walk)])];
    let out = [''];
    for (const item of n.items) {
      const next = walk(item);
      if (out.length * next.length > limit) throw new Error(`more than ${limit} sentences`);
      out = [...new Set(out.flatMap((a) => next.map((b) => (a && b ? `${a} ${b}` : a || b))))];
    }
    return out;
  };
  return new Set(walk(node));
}

/** The body of rule `name` in JSGF text, as a grammar node. */
export function jsgfRule(jsgf: string, name: string): GrammarNode {
  const line = jsgf.split('\n').find((l) => l.startsWith(`<${name}> = `));
  if (!line) throw new Error(`no rule <${name}>`);
  const tokens = line.slice(name.length + 5, -1).match(/<[^>]+>|[()[\]|]|[^\s()[\]|<>]+/g) ?? [];
  let at = 0;
  const alternatives = (): GrammarNode => {
    const options = [sequence()];
    while (tokens[at] === '|') {
      at++;
      options.push(sequence());
    }
    return alt(options, false)!;
  };
  const sequence = (): GrammarNode => {
    const items: GrammarNode[] = [];
    for (let t = tokens[at]; t !== undefined && t !== '|' && t !== ')' && t !== ']'; t = tokens[at]) {
      at++;
      if (t === '(' || t === '[') {
        const inner = alternatives();
        at++; // the closing bracket
        items.push(t === '[' ? alt([inner], true)! : inner);
      } else items.push(t.startsWith('<') ? { kind: 'ref', rule: t.slice(1, -1) } : { kind: 'word', word: t });
    }
    return seq(items)!;
  };
  return alternatives();
}

/** The sentences of rule `name` in JSGF text. */
export function jsgfSentences(jsgf: string, name: string): string[] {
  return [...sentencesOf(jsgfRule(jsgf, name))];
}
