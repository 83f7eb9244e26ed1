/**
 * Every intent the hub understands: the built-in sentence sets plus what skills declare.
 * Each owner's sentences are compiled once; the matcher is rebuilt (cheaply) when owners change.
 */
import { HubError } from '../sdk/errors.js';
import type { IntentCues, IntentDeclaration, IntentTargets, SlotDeclaration } from '../sdk/intent-declaration.js';
import { compileTemplate, type CompiledTemplate } from './compile.js';
import { examples, sampleKey } from './examples.js';
import { Matcher } from './matcher.js';
import { tokenize } from './normalize.js';
import type { SentenceBlock, SentenceSet } from './sentences.js';
import type { SlotListSet, SlotListDefinition } from './slot-lists.js';
import type { TemplateNode } from './template/ast.js';
import { parseTemplate } from './template/parser.js';

export interface IntentCollision {
  /** The new sentence and a concrete example that both sides accept. */
  sentence: string;
  intent: string;
  example: string;
  otherOwner: string;
  otherIntent: string;
  otherSentence: string;
}

interface OwnerEntry {
  templates: CompiledTemplate[];
  lists: string[];
  /** Intents this owner declared (sentence files add sentences to intents someone else may declare). */
  declared: string[];
}

/** What the hub knows about an intent besides its sentences: who declared it, what it acts on, its slots. */
export interface IntentInfo {
  owner: string;
  targets: IntentTargets;
  slots: Readonly<Record<string, SlotDeclaration>>;
  cues?: IntentCues;
}

export interface AddIntentsOptions {
  /**
   * Compare the sentences with every other owner's (about 50-100 ms per owner). The hub's built-in skills skip it
   * at start; a test checks them against each other instead.
   */
  checkCollisions?: boolean;
}

const EXAMPLES_PER_SENTENCE = 6;

export class IntentRegistry {
  private readonly owners = new Map<string, OwnerEntry>();
  private readonly infos = new Map<string, IntentInfo>();
  private readonly rules = new Map<string, TemplateNode>();
  private cached: Matcher | undefined;

  constructor(readonly lists: SlotListSet) {}

  /** Adds a sentence file. Throws VALIDATION_FAILED (with position) for a bad template or rule. */
  addSentenceSet(owner: string, set: SentenceSet): void {
    for (const [name, body] of Object.entries(set.rules ?? {})) this.rules.set(name, parseTemplate(body));
    for (const [name, list] of Object.entries(set.lists ?? {})) this.lists.set(name, list);
    this.owners.set(owner, {
      templates: this.compileSet(owner, set),
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
    const { collisions, templates } = this.check(skillId, declarations, options.checkCollisions !== false);
    this.removeIntents(skillId);
    const { set } = skillSentenceSet(skillId, declarations);
    // addSentenceSet without compiling again: a skill's set has no rules, so the checked templates are the same.
    for (const [name, list] of Object.entries(set.lists ?? {})) this.lists.set(name, list);
    this.owners.set(skillId, { templates, lists: Object.keys(set.lists ?? {}), declared: Object.keys(declarations) });
    for (const [intent, declaration] of Object.entries(declarations))
      this.infos.set(intent, {
        owner: skillId,
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
  checkIntents(skillId: string, declarations: Record<string, IntentDeclaration>): IntentCollision[] {
    return this.check(skillId, declarations).collisions;
  }

  private check(
    skillId: string,
    declarations: Record<string, IntentDeclaration>,
    withCollisions = true,
  ): { collisions: IntentCollision[]; templates: CompiledTemplate[] } {
    const { set, lists } = skillSentenceSet(skillId, declarations);
    const added: string[] = [];
    for (const [name, list] of Object.entries(lists)) {
      if (!this.lists.has(name)) added.push(name);
      this.lists.set(name, list);
    }
    try {
      const fresh = this.compileSet(skillId, set);
      if (!withCollisions) return { collisions: [], templates: fresh };
      const others = [...this.owners].filter(([owner]) => owner !== skillId).flatMap(([, entry]) => entry.templates);
      const collisions = [
        ...collide(fresh, new Matcher(others, this.lists), this.lists, false),
        ...collide(others, new Matcher(fresh, this.lists), this.lists, true),
      ];
      return { collisions, templates: fresh };
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

  private compileSet(owner: string, set: SentenceSet): CompiledTemplate[] {
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

/** Every skill's collision check walks all registered templates again; their tokenized examples are kept. */
const tokenized = new WeakMap<CompiledTemplate, { key: string; items: { example: string; tokens: string[] }[] }>();

function tokenizedExamples(
  template: CompiledTemplate,
  lists: SlotListSet,
): readonly { example: string; tokens: readonly string[] }[] {
  const key = sampleKey(template, lists);
  const cached = tokenized.get(template);
  if (cached?.key === key) return cached.items;
  const items = examples(template, lists, EXAMPLES_PER_SENTENCE).map((example) => ({
    example,
    tokens: tokenize(example),
  }));
  tokenized.set(template, { key, items });
  return items;
}

function collide(
  fresh: CompiledTemplate[],
  existing: Matcher,
  lists: SlotListSet,
  reversed: boolean,
): IntentCollision[] {
  const found: IntentCollision[] = [];
  const seen = new Set<string>();
  for (const template of fresh) {
    for (const { example, tokens } of tokenizedExamples(template, lists)) {
      const hit = existing.matchExact(tokens);
      if (!hit || (hit.template.intent === template.intent && hit.template.owner === template.owner)) continue;
      const [mine, theirs] = reversed ? [hit.template, template] : [template, hit.template];
      const key = `${mine.sentence}\u0000${theirs.sentence}`;
      if (seen.has(key)) continue;
      seen.add(key);
      found.push({
        sentence: mine.sentence,
        intent: mine.intent,
        example,
        otherOwner: theirs.owner,
        otherIntent: theirs.intent,
        otherSentence: theirs.sentence,
      });
    }
  }
  return found;
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
