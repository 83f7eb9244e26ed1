/**
 * Templates + rules + live slot lists → a table of grammar rules: one per intent, one per
 * expansion rule and one per slot list, joined by references (never a cartesian expansion).
 */
import type { SlotListSet } from '../slot-lists.js';
import { tokenize } from '../normalize.js';
import type { TemplateNode } from '../template/ast.js';
import { parseTemplate } from '../template/parser.js';
import { alt, EMPTY, factorAlternatives, isEmpty, phrase, ruleName, seq, type GrammarNode, type GrammarRule } from './ir.js';
import { Lexicon, type LexiconOptions } from './lexicon.js';
import { rangeRule, sharedNumberRules } from './number-rules.js';

export interface GrammarTemplate {
  intent: string;
  sentence: string;
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
      const merged = alt(bodies, false);
      const body = merged && factorAlternatives(merged);
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
        return alt(node.options.map((option) => this.convert(option, context)), node.optional);
      case 'slot':
        return this.listRef(node.list);
      case 'rule':
        return this.ruleRef(node.name);
    }
  }

  private ruleRef(name: string): GrammarNode | undefined {
    const key = `rule:${name}`;
    if (!this.converted.has(key)) {
      const template = this.source.rules.get(name);
      this.converted.set(key, PENDING);
      const body = template ? this.convert(template, `<${name}>`) : undefined;
      this.converted.set(key, body);
      if (body && !isEmpty(body)) this.table.set(key, { name: ruleName('rule', name), kind: 'rule', body });
    }
    return this.reference(key);
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

  private listBody(name: string): GrammarNode | undefined {
    const definition = this.source.lists.definition(name);
    if (!definition) return undefined;
    if (definition.kind === 'range') {
      const to = Math.min(definition.to, this.options.numberLimit ?? 100);
      if (to < definition.from) return undefined;
      const { rule, needsShared } = rangeRule(ruleName('list', name), definition.from, to, definition.step);
      this.needsSharedNumbers ||= needsShared;
      return rule.body;
    }
    const phrases =
      definition.kind === 'values' ? definition.values.map((v) => v.in) : this.vocabulary(name);
    if (!phrases) {
      this.leftOutWildcards.add(name);
      return undefined;
    }
    return alt(
      phrases.map((said) => {
        const words = this.lexicon.spellAll(tokenize(said));
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
