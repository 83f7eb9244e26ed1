/**
 * Sentence collisions between skills without the hub running (at pack and install time): two templates collide
 * when some expansion is the same sentence. Templates are read by the language's own parser
 * (hub/language/template/parser.ts), so words are normalised as the hub hears them; `{slot}` and `<rule>` stay
 * placeholders.
 */
import type { IntentOrigin } from '../language/compile.js';
import type { IntentDeclaration } from '../sdk/intent-declaration.js';
import { isHubError } from '../sdk/errors.js';
import type { TemplateNode } from '../language/template/ast.js';
import { parseTemplate } from '../language/template/parser.js';
import type { SentenceCollision } from './ports.js';

const MAX_EXPANSIONS = 2000;

function expandNode(node: TemplateNode, limit: number): string[] {
  switch (node.kind) {
    case 'word':
      return [node.token];
    case 'slot':
      return [`{${node.list}}`];
    case 'rule':
      return [`<${node.name}>`];
    case 'alt': {
      const out = node.options.flatMap((option) => expandNode(option, limit));
      if (node.optional) out.push('');
      return out.slice(0, limit);
    }
    case 'seq': {
      let acc = [''];
      for (const item of node.items) {
        const parts = expandNode(item, limit);
        const next: string[] = [];
        for (const a of acc) for (const p of parts) if (next.length < limit) next.push(p ? (a ? `${a} ${p}` : p) : a);
        acc = next;
      }
      return acc;
    }
  }
}

/**
 * Every sentence a template accepts, with slots as `{list}`; capped so a huge template cannot hang the check.
 * A template the parser refuses expands to nothing here: loading the skill reports its syntax error.
 */
export function expandTemplate(template: string, limit = MAX_EXPANSIONS): string[] {
  let node: TemplateNode;
  try {
    node = parseTemplate(template);
  } catch (err) {
    if (isHubError(err)) return [];
    throw err;
  }
  return [...new Set(expandNode(node, limit).filter(Boolean))];
}

/** The templates of a declaration, blocks flattened. */
export function templatesOf(declaration: IntentDeclaration): string[] {
  return declaration.sentences.flatMap((entry) => (typeof entry === 'string' ? [entry] : entry.sentences));
}

export interface SentenceOwner {
  skillId: string;
  origin: IntentOrigin;
  intent: string;
}

/** An index of expanded sentences per skill, for collision reports. */
export class SentenceIndex {
  private readonly owners = new Map<string, SentenceOwner>();

  /** Adds a skill's sentences (`origin`: whether it is a built-in skill or an installed one, default installed). */
  add(
    skillId: string,
    intents: Record<string, IntentDeclaration>,
    origin: IntentOrigin = 'installed',
  ): SentenceCollision[] {
    const collisions = this.check(skillId, intents);
    for (const [intent, decl] of Object.entries(intents))
      for (const template of templatesOf(decl))
        for (const sentence of expandTemplate(template))
          if (!this.owners.has(sentence)) this.owners.set(sentence, { skillId, origin, intent });
    return collisions;
  }

  check(skillId: string, intents: Record<string, IntentDeclaration>): SentenceCollision[] {
    const out: SentenceCollision[] = [];
    for (const [intent, decl] of Object.entries(intents))
      for (const template of templatesOf(decl))
        for (const sentence of expandTemplate(template)) {
          const owner = this.owners.get(sentence);
          if (owner && owner.skillId !== skillId)
            out.push({
              sentence,
              intent,
              otherSkill: owner.skillId,
              otherOrigin: owner.origin,
              otherIntent: owner.intent,
            });
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
        if (other && other !== intent)
          out.push({ sentence, intent, otherSkill: skillId, otherOrigin: 'installed', otherIntent: other });
        else seen.set(sentence, intent);
      }
  return out;
}

/**
 * A collision that refuses an install (unless allowed): with another installed skill, with the hub's own answers
 * or inside the package. A built-in skill's sentence is not one: the installed skill's sentence takes precedence
 * there, and the built-in skill keeps the rest of its sentences.
 */
export function isConflict(collision: SentenceCollision): boolean {
  return collision.otherOrigin !== 'builtin';
}
