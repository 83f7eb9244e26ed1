/**
 * Templates + rules + live slot lists → a table of grammar rules: one per intent, one per
 * expansion rule and one per slot list, joined by references (never a cartesian expansion).
 */
import type { ListValue, SlotListSet } from '../slot-lists.js';
import type { SlotValue } from '../../sdk/intents.js';
import { tokenize } from '../normalize.js';
import type { TemplateNode } from '../template/ast.js';
import { parseTemplate } from '../template/parser.js';
import { alt, EMPTY, isEmpty, phrase, ruleName, seq, type GrammarNode, type GrammarRule } from './ir.js';
import { Lexicon, type LexiconOptions } from './lexicon.js';
import { rangeRule, sharedNumberRules } from './number-rules.js';

export interface GrammarTemplate {
  intent: string;
  sentence: string;
  /** Slots the template fixes (`domain: 'lock'`…): they decide which device names fit (see `nameScope`). */
  fixedSlots?: Readonly<Record<string, unknown>>;
  /** False: typed-only, left out of the grammar (SentenceBlock.spoken). */
  spoken?: boolean;
  /** Conditions on the named target that are not frame slots (`domain: 'lock'` for "lock <name>"): they scope names too. */
  requires?: Readonly<Record<string, unknown>>;
}

/** The device names one template can act on; templates with the same `key` share one name list. */
export interface NameScope {
  key: string;
  /** Canonical names (the `name` list's output values). */
  names: ReadonlySet<string>;
}

export interface GrammarSource {
  templates: readonly GrammarTemplate[];
  rules: ReadonlyMap<string, TemplateNode>;
  lists: SlotListSet;
}

export interface BuildOptions extends LexiconOptions {
  /**
   * Bounded stand-ins for wildcard lists, by list name (`product`, `item`, `search_query`…; a skill's
   * `<skill>__item` also finds `item`). A wildcard without one is left out with its sentences.
   */
  vocabularies?: Record<string, readonly string[]>;
  /**
   * Spoken numbers stop here (default 100): "set a timer for 250 minutes" is rare, and every
   * extra word in the number rules is copied into each sentence that uses a number.
   */
  numberLimit?: number;
  /**
   * Narrows `{name}` per template to the devices it can act on ("unlock" only takes locks), so
   * the recogniser cannot hear "unlock the kitchen light". Undefined for a template: every name.
   */
  nameScope?: (template: GrammarTemplate) => NameScope | undefined;
  /** Narrower ranges for number lists, e.g. the setpoints the household's thermostats accept (see device-slots.ts). */
  ranges?: Record<string, { from: number; to: number }>;
  /** Per value list, the values (`out`) worth hearing, e.g. only the cover classes some device has (see device-slots.ts). */
  values?: Record<string, readonly SlotValue[]>;
}

export interface BuiltGrammar {
  /** In output order: intents first, then what they refer to. */
  rules: GrammarRule[];
  intentRules: string[];
  /** Each intent's sentences before factoring (the phrase list expands them one by one). */
  sentenceBodies: Map<string, GrammarNode[]>;
  lexicon: Lexicon;
  /** Wildcard lists with no vocabulary (their sentences are not in the grammar). */
  leftOutWildcards: string[];
  /** Sentences that could not be said at all (an unknown word everywhere, an empty list…). */
  leftOutSentences: string[];
  templates: number;
}

export function buildGrammar(source: GrammarSource, options: BuildOptions = {}): BuiltGrammar {
  return new Builder(source, options).build();
}

const PENDING = Symbol('pending');

class Builder {
  private readonly lexicon: Lexicon;
  private readonly table = new Map<string, GrammarRule>();
  /** Converted bodies by rule name: a node, EMPTY (inlined), undefined (impossible) or PENDING (recursion guard). */
  private readonly converted = new Map<string, GrammarNode | undefined | typeof PENDING>();
  private readonly leftOutWildcards = new Set<string>();
  private needsSharedNumbers = false;
  /** The name scope of the template being converted. */
  private scope: NameScope | undefined;
  private readonly usesNameMemo = new Map<string, boolean>();

  constructor(
    private readonly source: GrammarSource,
    private readonly options: BuildOptions,
  ) {
    this.lexicon = new Lexicon(options);
  }

  build(): BuiltGrammar {
    const byIntent = new Map<string, GrammarNode[]>();
    const leftOutSentences: string[] = [];
    for (const template of this.source.templates) {
      if (template.spoken === false) continue;
      this.scope = this.options.nameScope?.(template);
      const body = this.convert(parseTemplate(template.sentence), template.sentence);
      if (!body || isEmpty(body)) {
        leftOutSentences.push(template.sentence);
        continue;
      }
      const list = byIntent.get(template.intent);
      if (list) list.push(body);
      else byIntent.set(template.intent, [body]);
    }
    const intentRules: GrammarRule[] = [];
    const sentenceBodies = new Map<string, GrammarNode[]>();
    for (const [intent, bodies] of byIntent) {
      sentenceBodies.set(ruleName('intent', intent), bodies);
      const body = alt(bodies, false);
      if (body && !isEmpty(body)) intentRules.push({ name: ruleName('intent', intent), kind: 'intent', body });
    }
    const shared = this.needsSharedNumbers ? sharedNumberRules() : [];
    return {
      rules: [...intentRules, ...this.table.values(), ...shared],
      intentRules: intentRules.map((r) => r.name),
      sentenceBodies,
      lexicon: this.lexicon,
      leftOutWildcards: [...this.leftOutWildcards],
      leftOutSentences,
      templates: this.source.templates.length,
    };
  }

  private convert(node: TemplateNode, context: string): GrammarNode | undefined {
    switch (node.kind) {
      case 'word': {
        const words = this.lexicon.spell(node.token, context);
        return words ? phrase(words) : undefined;
      }
      case 'seq':
        return seq(node.items.map((item) => this.convert(item, context)));
      case 'alt':
        return alt(
          node.options.map((option) => this.convert(option, context)),
          node.optional,
        );
      case 'slot':
        return node.list === 'name' && this.scope ? this.scopedNameRef(this.scope) : this.listRef(node.list);
      case 'rule':
        return this.ruleRef(node.name);
    }
  }

  private ruleRef(name: string): GrammarNode | undefined {
    // A rule that says a device name gets one copy per name scope; the others stay shared.
    const scoped = this.scope && this.ruleUsesName(name) ? this.scope.key : undefined;
    const key = scoped ? `rule:${name}#${scoped}` : `rule:${name}`;
    if (!this.converted.has(key)) {
      const template = this.source.rules.get(name);
      this.converted.set(key, PENDING);
      const body = template ? this.convert(template, `<${name}>`) : undefined;
      this.converted.set(key, body);
      if (body && !isEmpty(body))
        this.table.set(key, { name: ruleName('rule', scoped ? `${name}__${scoped}` : name), kind: 'rule', body });
    }
    return this.reference(key);
  }

  private scopedNameRef(scope: NameScope): GrammarNode | undefined {
    const key = `list:name#${scope.key}`;
    if (!this.converted.has(key)) {
      const definition = this.source.lists.definition('name');
      const values =
        definition?.kind === 'values' ? definition.values.filter((v) => scope.names.has(String(v.out))) : [];
      const body = this.phrasesNode(values.map((v) => v.in));
      this.converted.set(key, body);
      if (body && !isEmpty(body))
        this.table.set(key, { name: ruleName('list', `name__${scope.key}`), kind: 'list', body });
    }
    return this.reference(key);
  }

  private ruleUsesName(name: string): boolean {
    const known = this.usesNameMemo.get(name);
    if (known !== undefined) return known;
    this.usesNameMemo.set(name, false); // recursion guard
    const uses = (node: TemplateNode): boolean => {
      switch (node.kind) {
        case 'word':
          return false;
        case 'slot':
          return node.list === 'name';
        case 'rule':
          return this.ruleUsesName(node.name);
        case 'seq':
          return node.items.some(uses);
        case 'alt':
          return node.options.some(uses);
      }
    };
    const template = this.source.rules.get(name);
    const result = template ? uses(template) : false;
    this.usesNameMemo.set(name, result);
    return result;
  }

  private listRef(name: string): GrammarNode | undefined {
    const key = `list:${name}`;
    if (!this.converted.has(key)) {
      const body = this.listBody(name);
      this.converted.set(key, body);
      if (body && !isEmpty(body)) this.table.set(key, { name: ruleName('list', name), kind: 'list', body });
    }
    return this.reference(key);
  }

  private reference(key: string): GrammarNode | undefined {
    const body = this.converted.get(key);
    if (body === PENDING || body === undefined) return undefined;
    if (isEmpty(body)) return EMPTY;
    return { kind: 'ref', rule: this.table.get(key)!.name };
  }

  private spokenValues(name: string, values: readonly ListValue[]): string[] {
    const allowed = this.options.values?.[name];
    return values.filter((v) => v.spoken !== false && (!allowed || allowed.includes(v.out))).map((v) => v.in);
  }

  private listBody(name: string): GrammarNode | undefined {
    const definition = this.source.lists.definition(name);
    if (!definition) return undefined;
    if (definition.kind === 'range') {
      const narrowed = this.options.ranges?.[name];
      const from = Math.max(definition.from, narrowed?.from ?? definition.from);
      const to = Math.min(definition.to, narrowed?.to ?? definition.to, this.options.numberLimit ?? 100);
      if (to < from) return undefined;
      const { rule, needsShared } = rangeRule(ruleName('list', name), from, to, definition.step);
      this.needsSharedNumbers ||= needsShared;
      return rule.body;
    }
    const phrases = definition.kind === 'values' ? this.spokenValues(name, definition.values) : this.vocabulary(name);
    if (!phrases) {
      this.leftOutWildcards.add(name);
      return undefined;
    }
    return this.phrasesNode(phrases);
  }

  private phrasesNode(phrases: readonly string[]): GrammarNode | undefined {
    return alt(
      phrases.map((said) => {
        const words = this.lexicon.spellAll(tokenize(said, { said: true }));
        return words && words.length > 0 ? phrase(words) : undefined;
      }),
      false,
    );
  }

  private vocabulary(list: string): readonly string[] | undefined {
    const vocabularies = this.options.vocabularies ?? {};
    const base = list.includes('__') ? list.slice(list.lastIndexOf('__') + 2) : list;
    return vocabularies[list] ?? vocabularies[base];
  }
}
