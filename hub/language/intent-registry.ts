/**
 * Every intent the hub understands: the built-in sentence sets plus what skills declare.
 * Each owner's sentences are compiled once; the matcher is rebuilt (cheaply) when owners change.
 */
import { HubError } from '../sdk/errors.js';
import type { IntentCues, IntentDeclaration, IntentTargets, SlotDeclaration } from '../sdk/intent-declaration.js';
import { compileTemplate, type CompiledTemplate, type IntentOrigin } from './compile.js';
import { findCollisions, type IntentCollision } from './intent-collisions.js';
import { Matcher } from './matcher.js';
import type { SentenceBlock, SentenceSet } from './sentences.js';
import type { SlotListSet, SlotListDefinition } from './slot-lists.js';
import type { TemplateNode } from './template/ast.js';
import { parseTemplate } from './template/parser.js';

interface OwnerEntry {
  origin: IntentOrigin;
  templates: CompiledTemplate[];
  lists: string[];
  /** Intents this owner declared (sentence files add sentences to intents someone else may declare). */
  declared: string[];
}

/** What the hub knows about an intent besides its sentences: who declared it, what it acts on, its slots. */
export interface IntentInfo {
  owner: string;
  origin: IntentOrigin;
  targets: IntentTargets;
  slots: Readonly<Record<string, SlotDeclaration>>;
  cues?: IntentCues;
}

export type { IntentCollision } from './intent-collisions.js';
export type { IntentOrigin } from './compile.js';

export interface AddIntentsOptions {
  /** Where the intents come from (default `installed`): decides which sentence wins a tie (compile.ts). */
  origin?: IntentOrigin;
  /**
   * Compare the sentences with every other owner's (about 50-100 ms per owner). The hub's built-in skills skip it
   * at start; a test checks them against each other instead.
   */
  checkCollisions?: boolean;
}

export class IntentRegistry {
  private readonly owners = new Map<string, OwnerEntry>();
  private readonly infos = new Map<string, IntentInfo>();
  private readonly rules = new Map<string, TemplateNode>();
  private cached: Matcher | undefined;

  constructor(readonly lists: SlotListSet) {}

  /**
   * Adds a sentence file (by default the household's own: `installed`). Throws VALIDATION_FAILED (with position)
   * for a bad template or rule.
   */
  addSentenceSet(owner: string, set: SentenceSet, origin: IntentOrigin = 'installed'): void {
    for (const [name, body] of Object.entries(set.rules ?? {})) this.rules.set(name, parseTemplate(body));
    for (const [name, list] of Object.entries(set.lists ?? {})) this.lists.set(name, list);
    this.owners.set(owner, {
      origin,
      templates: this.compileSet(owner, set, origin),
      lists: Object.keys(set.lists ?? {}),
      declared: [],
    });
    this.cached = undefined;
  }

  /**
   * Registers a skill's intents (sentences, targets, slots) and reports sentences that collide with other owners'
   * sentences. Throws CONFLICT when another owner already declared one of the intents.
   */
  addIntents(
    skillId: string,
    declarations: Record<string, IntentDeclaration>,
    options: AddIntentsOptions = {},
  ): IntentCollision[] {
    const taken = Object.keys(declarations).filter((intent) => {
      const info = this.infos.get(intent);
      return info && info.owner !== skillId;
    });
    if (taken.length)
      throw new HubError(
        'CONFLICT',
        `${skillId} declares intents already declared: ${taken.map((t) => `${t} (by ${this.infos.get(t)!.owner})`).join(', ')}`,
      );
    const origin = options.origin ?? 'installed';
    const { collisions, templates } = this.check(skillId, declarations, origin, options.checkCollisions !== false);
    this.removeIntents(skillId);
    const { set } = skillSentenceSet(skillId, declarations);
    // addSentenceSet without compiling again: a skill's set has no rules, so the checked templates are the same.
    for (const [name, list] of Object.entries(set.lists ?? {})) this.lists.set(name, list);
    this.owners.set(skillId, {
      origin,
      templates,
      lists: Object.keys(set.lists ?? {}),
      declared: Object.keys(declarations),
    });
    for (const [intent, declaration] of Object.entries(declarations))
      this.infos.set(intent, {
        owner: skillId,
        origin,
        targets: declaration.targets,
        slots: declaration.slots ?? {},
        ...(declaration.cues ? { cues: declaration.cues } : {}),
      });
    this.cached = undefined;
    return collisions;
  }

  /** Who declared the intent and what it acts on; undefined for an intent only a sentence file mentions. */
  info(intent: string): IntentInfo | undefined {
    return this.infos.get(intent);
  }

  /** Every declared intent with what is known about it. */
  declared(): ReadonlyMap<string, IntentInfo> {
    return this.infos;
  }

  /** Like addIntents, without registering anything. */
  checkIntents(
    skillId: string,
    declarations: Record<string, IntentDeclaration>,
    origin: IntentOrigin = 'installed',
  ): IntentCollision[] {
    return this.check(skillId, declarations, origin).collisions;
  }

  private check(
    skillId: string,
    declarations: Record<string, IntentDeclaration>,
    origin: IntentOrigin,
    withCollisions = true,
  ): { collisions: IntentCollision[]; templates: CompiledTemplate[] } {
    const { set, lists } = skillSentenceSet(skillId, declarations);
    const added: string[] = [];
    for (const [name, list] of Object.entries(lists)) {
      if (!this.lists.has(name)) added.push(name);
      this.lists.set(name, list);
    }
    try {
      const fresh = this.compileSet(skillId, set, origin);
      if (!withCollisions) return { collisions: [], templates: fresh };
      const others = [...this.owners].filter(([owner]) => owner !== skillId).flatMap(([, entry]) => entry.templates);
      return { collisions: findCollisions(fresh, others, this.lists), templates: fresh };
    } finally {
      if (!this.owners.has(skillId)) for (const name of added) this.lists.delete(name);
    }
  }

  removeIntents(skillId: string): void {
    const entry = this.owners.get(skillId);
    if (!entry) return;
    for (const name of entry.lists) this.lists.delete(name);
    for (const intent of entry.declared) this.infos.delete(intent);
    this.owners.delete(skillId);
    this.cached = undefined;
  }

  /** Whether any owner of that origin has sentences now. */
  hasOrigin(origin: IntentOrigin): boolean {
    for (const entry of this.owners.values()) if (entry.origin === origin && entry.templates.length > 0) return true;
    return false;
  }

  owner(intent: string): string | undefined {
    for (const [owner, entry] of this.owners) if (entry.templates.some((t) => t.intent === intent)) return owner;
    return undefined;
  }

  intents(): string[] {
    return [...new Set(this.templates().map((t) => t.intent))];
  }

  templates(): CompiledTemplate[] {
    return [...this.owners.values()].flatMap((entry) => entry.templates);
  }

  ruleTable(): ReadonlyMap<string, TemplateNode> {
    return this.rules;
  }

  matcher(): Matcher {
    if (!this.cached) {
      const all = this.templates();
      all.forEach((t, i) => (t.index = i));
      this.cached = new Matcher(all, this.lists);
    }
    return this.cached;
  }

  private compileSet(owner: string, set: SentenceSet, origin: IntentOrigin): CompiledTemplate[] {
    const out: CompiledTemplate[] = [];
    for (const { intent, data } of set.intents) {
      for (const block of data) {
        for (const sentence of block.sentences) {
          const ast = parseTemplate(sentence);
          out.push(
            compileTemplate(ast, this.rules, {
              index: out.length,
              intent,
              owner,
              origin,
              sentence,
              fixedSlots: { ...block.slots },
              priority: block.priority ?? 0,
              ...(block.spoken === false ? { spoken: false } : {}),
              ...(block.requires ? { requires: { ...block.requires } } : {}),
            }),
          );
        }
      }
    }
    return out;
  }
}

/** A skill's own lists live under `<skill>__<list>` so two skills may both declare `{product}`. */
function skillSentenceSet(
  skillId: string,
  declarations: Record<string, IntentDeclaration>,
): { set: SentenceSet; lists: Record<string, SlotListDefinition> } {
  const prefix = `${skillId.replace(/[^a-z0-9_]/gi, '_')}__`;
  const lists: Record<string, SlotListDefinition> = {};
  const intents = Object.entries(declarations).map(([intent, declaration]) => {
    const renamed = new Map<string, string>();
    for (const [name, slot] of Object.entries(declaration.slots ?? {})) {
      const list = ownList(slot);
      if (list === null) continue;
      if (!list)
        throw new HubError(
          'VALIDATION_FAILED',
          `Intent ${intent} of skill ${skillId}: slot "${name}" needs values, range, wildcard, list or fixed.`,
        );
      lists[prefix + name] = list;
      renamed.set(name, prefix + name);
    }
    const rename = (s: string): string =>
      s.replace(/\{\s*([a-z_][a-z0-9_]*)\s*(:\s*[a-z_][a-z0-9_]*\s*)?\}/gi, (whole, list: string, slot?: string) => {
        const target = renamed.get(list);
        return target ? `{${target}${slot ?? `:${list}`}}` : whole;
      });
    const data: SentenceBlock[] = [];
    const loose: string[] = [];
    for (const entry of declaration.sentences) {
      if (typeof entry === 'string') loose.push(rename(entry));
      else
        data.push({
          ...entry,
          sentences: entry.sentences.map(rename),
          ...(entry.slots ? { slots: { ...entry.slots } } : {}),
        });
    }
    if (loose.length) data.unshift({ sentences: loose });
    return { intent, data };
  });
  return { set: { intents, lists }, lists };
}

/** The list a slot declaration brings with it; null when it uses the hub's lexicon or is fixed by sentence blocks. */
function ownList(slot: SlotDeclaration): SlotListDefinition | null | undefined {
  if ('wildcard' in slot && slot.wildcard) return { kind: 'wildcard' };
  if ('range' in slot && slot.range) return { kind: 'range', from: slot.range.from, to: slot.range.to };
  if ('values' in slot && slot.values) return { kind: 'values', values: slot.values.map((v) => ({ in: v, out: v })) };
  if ('list' in slot || 'fixed' in slot) return null;
  return undefined;
}
