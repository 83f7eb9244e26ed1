/**
 * Picks the template that fits an utterance. Candidates come from an index on the first token
 * (literal words, or slot lists whose trie starts with that token) and a required-words filter,
 * so the work per utterance does not grow with the number of devices or templates.
 */
import { ORIGIN_RANK, type CompiledTemplate } from './compile.js';
import { readNumbers } from './numbers.js';
import { FUNCTION_WORDS } from './parts/function-words.js';
import { ReadingCache } from './slot-readings.js';
import { LEADING_FILLERS, TRAILING_FILLERS } from './lexicon/fillers-en.js';
import type { SlotListSet } from './slot-lists.js';
import { matchExact, matchTolerant, type TemplateMatch } from './template-match.js';

/** Tried only when the plain sentence does not match. */
const LEADING = LEADING_FILLERS.map((phrase) => phrase.split(' '));
const TRAILING = TRAILING_FILLERS.map((phrase) => phrase.split(' '));

export const TOLERANT_MAX_COST = 1.5;
const TOLERANT_POOL = 8;
const TOLERANT_MAX_TOKENS = 12;

export class Matcher {
  private readonly byWord = new Map<string, CompiledTemplate[]>();
  private readonly byList = new Map<string, CompiledTemplate[]>();
  /** Word → the templates that have it (tolerant candidates), and the templates that need it ("did you mean"). */
  private readonly byVocabulary = new Map<string, CompiledTemplate[]>();
  private readonly byRequired = new Map<string, CompiledTemplate[]>();

  constructor(
    private readonly templates: readonly CompiledTemplate[],
    private readonly lists: SlotListSet,
  ) {
    for (const template of templates) {
      for (const word of template.firstWords) push(this.byWord, word, template);
      for (const list of template.firstLists) push(this.byList, list, template);
      for (const word of template.vocabulary) push(this.byVocabulary, word, template);
      for (const word of new Set(template.required)) push(this.byRequired, word, template);
    }
  }

  get size(): number {
    return this.templates.length;
  }

  matchExact(tokens: readonly string[]): TemplateMatch | undefined {
    return this.rankExact(tokens)[0];
  }

  /** Exact matches, best first, for the sentence as said or (if none) without polite fillers. */
  rankExact(tokens: readonly string[]): TemplateMatch[] {
    const variants = fillerVariants(tokens);
    let asSaid: TemplateMatch[] | undefined;
    for (const variant of variants) {
      const readings = new ReadingCache(variant);
      const found = this.rank(this.candidates(variant), (t) => matchExact(t, readings, this.lists));
      if (found.length === 0) continue;
      // Free text takes any words, polite ones too ("play pink floyd please"): the sentence without them, if it fits.
      if (variant === tokens && variants.length > 1 && found[0]!.wildcardSlots.length > 0) {
        asSaid = found;
        continue;
      }
      return found;
    }
    return asSaid ?? [];
  }

  /**
   * Tolerant matches under `maxCost`, best first. Only the templates sharing most words with the
   * utterance are tried (at most TOLERANT_POOL), so a miss costs a bounded amount of work.
   */
  rankTolerant(tokens: readonly string[], maxCost = TOLERANT_MAX_COST): TemplateMatch[] {
    const variants = fillerVariants(tokens);
    const core = variants[variants.length - 1]!;
    // Repairs are for short commands; long inputs get an exact answer or none (keeps misses cheap).
    if (core.length === 0 || core.length > TOLERANT_MAX_TOKENS) return [];
    // Most shared words first, then declared first: counted through the index, so only templates sharing a word;
    // grouped by how many they share, and a group put in declared order only when the pool reaches it.
    const overlap = new Map<CompiledTemplate, number>();
    for (const token of core)
      for (const template of this.byVocabulary.get(token) ?? [])
        overlap.set(template, (overlap.get(template) ?? 0) + 1);
    const byShared: CompiledTemplate[][] = [];
    for (const [template, shared] of overlap) (byShared[shared] ??= []).push(template);
    const readings = new ReadingCache(core);
    const saidNear = new Map<string, boolean>();
    const pool: CompiledTemplate[] = [];
    for (let shared = byShared.length - 1; shared > 0 && pool.length < TOLERANT_POOL; shared--) {
      const group = byShared[shared]?.sort((a, b) => a.index - b.index) ?? [];
      for (const template of group) {
        if (pool.length >= TOLERANT_POOL) break;
        if (missingRequired(template, readings, saidNear) <= 1) pool.push(template);
      }
    }
    return this.rank(pool, (t) => matchTolerant(t, readings, this.lists, maxCost));
  }

  /** The template sharing most required words with the utterance (grammar words aside), for "did you mean …". */
  closest(tokens: readonly string[], intent?: string): CompiledTemplate | undefined {
    const said = new Set(tokens.filter((t) => !FUNCTION_WORDS.has(t)));
    const shared = new Map<CompiledTemplate, number>();
    for (const word of said)
      for (const template of this.byRequired.get(word) ?? []) shared.set(template, (shared.get(template) ?? 0) + 1);
    let best: CompiledTemplate | undefined;
    let bestScore = 0;
    for (const [template, count] of shared) {
      if (intent !== undefined && template.intent !== intent) continue;
      const score = count / (template.required.length + 1);
      // Ties go to the template declared first, as when every template is tried in order.
      if (score > bestScore || (score === bestScore && best !== undefined && template.index < best.index)) {
        bestScore = score;
        best = template;
      }
    }
    return best;
  }

  private candidates(tokens: readonly string[]): CompiledTemplate[] {
    const first = tokens[0];
    if (first === undefined) return [];
    const found = new Set<CompiledTemplate>(this.byWord.get(first) ?? []);
    for (const [listName, templates] of this.byList) {
      const list = this.lists.get(listName);
      if (!list) continue;
      const starts =
        list.kind === 'wildcard' ||
        (list.kind === 'values' ? list.root.children.has(first) : readNumbers(tokens, 0).length > 0);
      if (starts) for (const t of templates) found.add(t);
    }
    const said = new Set(tokens);
    return [...found].filter((t) => t.required.every((w) => said.has(w)));
  }

  private rank(
    pool: Iterable<CompiledTemplate>,
    run: (t: CompiledTemplate) => TemplateMatch | undefined,
  ): TemplateMatch[] {
    const found: TemplateMatch[] = [];
    for (const template of pool) {
      const match = run(template);
      if (match) found.push(match);
    }
    return found.sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0));
  }
}

/**
 * Lower cost, then the higher origin (an installed skill's sentence over a built-in one, compile.ts), then fewer words
 * swallowed by wildcards, then higher priority, then declared first.
 */
function better(a: TemplateMatch, b: TemplateMatch): boolean {
  if (a.cost !== b.cost) return a.cost < b.cost;
  if (a.template.origin !== b.template.origin) return ORIGIN_RANK[a.template.origin] > ORIGIN_RANK[b.template.origin];
  if (a.wildcardTokens !== b.wildcardTokens) return a.wildcardTokens < b.wildcardTokens;
  if (a.template.priority !== b.template.priority) return a.template.priority > b.template.priority;
  return a.template.index < b.template.index;
}

/** `saidNear`: whether a word was said or nearly said, remembered across the templates of one request. */
function missingRequired(template: CompiledTemplate, readings: ReadingCache, saidNear: Map<string, boolean>): number {
  const tokens = readings.tokens;
  let missing = 0;
  for (const word of template.required) {
    let said = saidNear.get(word);
    if (said === undefined) {
      said = tokens.includes(word) || tokens.some((t) => readings.nearMiss(t, word));
      saidNear.set(word, said);
    }
    if (!said) missing++;
    if (missing > 1) break;
  }
  return missing;
}

function fillerVariants(tokens: readonly string[]): (readonly string[])[] {
  let start = 0;
  let end = tokens.length;
  for (let changed = true; changed; ) {
    changed = false;
    for (const filler of LEADING) {
      if (start + filler.length < end && filler.every((w, i) => tokens[start + i] === w)) {
        start += filler.length;
        changed = true;
        break;
      }
    }
  }
  for (let changed = true; changed; ) {
    changed = false;
    for (const filler of TRAILING) {
      if (end - filler.length > start && filler.every((w, i) => tokens[end - filler.length + i] === w)) {
        end -= filler.length;
        changed = true;
        break;
      }
    }
  }
  if (start === 0 && end === tokens.length) return [tokens];
  return [tokens, tokens.slice(start, end)];
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
