/**
 * Enough of the template language to compare skills' sentences without the hub running (at pack time):
 * `(a|b)` alternatives, `[a]` optional parts, `{slot}` and `<rule>` kept as placeholders.
 * Two templates collide when some expansion is the same sentence.
 */
import type { IntentDeclaration } from '../sdk/intent-declaration.js';
import type { SentenceCollision } from './ports.js';

const MAX_EXPANSIONS = 2000;

type Node = { kind: 'text'; value: string } | { kind: 'slot'; name: string } | { kind: 'choice'; options: Node[][] };

export function parseTemplate(template: string): Node[] {
  let pos = 0;
  const parseSeq = (stop: string): Node[][] => {
    const options: Node[][] = [[]];
    while (pos < template.length) {
      const ch = template[pos]!;
      if (stop.includes(ch)) break;
      if (ch === '|') {
        pos++;
        options.push([]);
        continue;
      }
      const current = options[options.length - 1]!;
      if (ch === '(' || ch === '[') {
        pos++;
        const inner = parseSeq(ch === '(' ? ')' : ']');
        pos++;
        current.push({ kind: 'choice', options: ch === '[' ? [...inner, []] : inner });
      } else if (ch === '{' || ch === '<') {
        const end = template.indexOf(ch === '{' ? '}' : '>', pos);
        const name = template.slice(pos + 1, end < 0 ? undefined : end).split(':')[0]!.trim();
        current.push({ kind: 'slot', name: ch === '{' ? `{${name}}` : `<${name}>` });
        pos = end < 0 ? template.length : end + 1;
      } else {
        let end = pos;
        while (end < template.length && !'()[]{}<>|'.includes(template[end]!)) end++;
        current.push({ kind: 'text', value: template.slice(pos, end) });
        pos = end;
      }
    }
    return options;
  };
  return [{ kind: 'choice', options: parseSeq('') }];
}

export function normalizeSentence(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}{}<>_\s']/gu, ' ').replace(/\s+/g, ' ').trim();
}

/** Every sentence a template accepts, with slots as `{name}`; capped so a huge template cannot hang the check. */
export function expandTemplate(template: string, limit = MAX_EXPANSIONS): string[] {
  const expand = (nodes: Node[]): string[] => {
    let acc: string[] = [''];
    for (const node of nodes) {
      const parts = node.kind === 'text' ? [node.value] : node.kind === 'slot' ? [` ${node.name} `] : node.options.flatMap((o) => expand(o));
      const next: string[] = [];
      for (const a of acc) for (const p of parts) if (next.length < limit) next.push(a + p);
      acc = next;
    }
    return acc;
  };
  return [...new Set(expand(parseTemplate(template)).map(normalizeSentence).filter(Boolean))];
}

/** The templates of a declaration, blocks flattened. */
export function templatesOf(declaration: IntentDeclaration): string[] {
  return declaration.sentences.flatMap((entry) => (typeof entry === 'string' ? [entry] : entry.sentences));
}

export interface SentenceOwner {
  skillId: string;
  intent: string;
}

/** An index of expanded sentences per skill, for collision reports. */
export class SentenceIndex {
  private readonly owners = new Map<string, SentenceOwner>();

  add(skillId: string, intents: Record<string, IntentDeclaration>): SentenceCollision[] {
    const collisions = this.check(skillId, intents);
    for (const [intent, decl] of Object.entries(intents))
      for (const template of templatesOf(decl))
        for (const sentence of expandTemplate(template)) if (!this.owners.has(sentence)) this.owners.set(sentence, { skillId, intent });
    return collisions;
  }

  check(skillId: string, intents: Record<string, IntentDeclaration>): SentenceCollision[] {
    const out: SentenceCollision[] = [];
    for (const [intent, decl] of Object.entries(intents))
      for (const template of templatesOf(decl))
        for (const sentence of expandTemplate(template)) {
          const owner = this.owners.get(sentence);
          if (owner && owner.skillId !== skillId) out.push({ sentence, intent, otherSkill: owner.skillId, otherIntent: owner.intent });
        }
    return out;
  }

  remove(skillId: string): void {
    for (const [sentence, owner] of this.owners) if (owner.skillId === skillId) this.owners.delete(sentence);
  }
}

/** Collisions among one package's own intents (two intents of the same skill accepting the same sentence). */
export function internalCollisions(skillId: string, intents: Record<string, IntentDeclaration>): SentenceCollision[] {
  const seen = new Map<string, string>();
  const out: SentenceCollision[] = [];
  for (const [intent, decl] of Object.entries(intents))
    for (const template of templatesOf(decl))
      for (const sentence of expandTemplate(template)) {
        const other = seen.get(sentence);
        if (other && other !== intent) out.push({ sentence, intent, otherSkill: skillId, otherIntent: other });
        else seen.set(sentence, intent);
      }
  return out;
}
