/**
 * Picks the template that fits an utterance. Candidates come from an index on the first token
 * (literal words, or slot lists whose trie starts with that token) and a required-words filter,
 * so the work per utterance does not grow with the number of devices or templates.
 */
import type { CompiledTemplate } from './compile.js';
import { readNumbers } from './numbers.js';
import { isNearMiss } from './slot-readings.js';
import type { SlotListSet } from './slot-lists.js';
import { matchExact, matchTolerant, type TemplateMatch } from './template-match.js';

/** Said around a command without changing it: tried only when the plain sentence does not match. */
const LEADING_FILLERS = [
  ['please'], ['hey', 'hearth'], ['ok', 'hearth'], ['hearth'], ['hey'], ['ok'], ['okay'], ['um'], ['uh'], ['so'],
  ['can', 'you'], ['could', 'you'], ['would', 'you'], ['will', 'you'], ['kindly'], ['just'], ['go', 'ahead', 'and'],
  ['i', 'want', 'you', 'to'], ['i', 'would', 'like', 'you', 'to'], ['please', 'can', 'you'], ['can', 'you', 'please'],
  ['could', 'you', 'please'], ['would', 'you', 'please'],
];
const TRAILING_FILLERS = [['please'], ['thanks'], ['thank', 'you'], ['for', 'me'], ['for', 'me', 'please'], ['now', 'please'], ['now']];

export const TOLERANT_MAX_COST = 2;

export class Matcher {
  private readonly byWord = new Map<string, CompiledTemplate[]>();
  private readonly byList = new Map<string, CompiledTemplate[]>();

  constructor(
    private readonly templates: readonly CompiledTemplate[],
    private readonly lists: SlotListSet,
  ) {
    for (const template of templates) {
      for (const word of template.firstWords) push(this.byWord, word, template);
      for (const list of template.firstLists) push(this.byList, list, template);
    }
  }

  get size(): number {
    return this.templates.length;
  }

  /** The best exact match, trying the sentence as said and then without polite fillers. */
  matchExact(tokens: readonly string[]): TemplateMatch | undefined {
    for (const variant of fillerVariants(tokens)) {
      const found = this.bestOf(this.candidates(variant), (t) => matchExact(t, variant, this.lists));
      if (found) return found;
    }
    return undefined;
  }

  /** The cheapest tolerant match under `maxCost` among templates whose required words are (nearly) all present. */
  matchTolerant(tokens: readonly string[], maxCost = TOLERANT_MAX_COST): TemplateMatch | undefined {
    const variants = fillerVariants(tokens);
    const core = variants[variants.length - 1]!;
    if (core.length === 0) return undefined;
    const pool = this.templates.filter((t) => missingRequired(t, core) <= 1);
    return this.bestOf(pool, (t) => matchTolerant(t, core, this.lists, maxCost));
  }

  /** The template sharing most required words with the utterance, for "did you mean …". */
  closest(tokens: readonly string[]): CompiledTemplate | undefined {
    const said = new Set(tokens);
    let best: CompiledTemplate | undefined;
    let bestScore = 0;
    for (const template of this.templates) {
      if (template.required.length === 0) continue;
      const shared = template.required.filter((w) => said.has(w)).length;
      const score = shared / (template.required.length + 1);
      if (score > bestScore) {
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
        list.kind === 'wildcard' || (list.kind === 'values' ? list.root.children.has(first) : readNumbers(tokens, 0).length > 0);
      if (starts) for (const t of templates) found.add(t);
    }
    const said = new Set(tokens);
    return [...found].filter((t) => t.required.every((w) => said.has(w)));
  }

  private bestOf(pool: Iterable<CompiledTemplate>, run: (t: CompiledTemplate) => TemplateMatch | undefined): TemplateMatch | undefined {
    let best: TemplateMatch | undefined;
    for (const template of pool) {
      const match = run(template);
      if (match && (!best || better(match, best))) best = match;
    }
    return best;
  }
}

/** Lower cost, then fewer words swallowed by wildcards, then higher priority, then declared first. */
function better(a: TemplateMatch, b: TemplateMatch): boolean {
  if (a.cost !== b.cost) return a.cost < b.cost;
  if (a.wildcardTokens !== b.wildcardTokens) return a.wildcardTokens < b.wildcardTokens;
  if (a.template.priority !== b.template.priority) return a.template.priority > b.template.priority;
  return a.template.index < b.template.index;
}

function missingRequired(template: CompiledTemplate, tokens: readonly string[]): number {
  let missing = 0;
  for (const word of template.required) {
    if (tokens.includes(word)) continue;
    if (!tokens.some((t) => isNearMiss(t, word))) missing++;
    if (missing > 1) break;
  }
  return missing;
}

function fillerVariants(tokens: readonly string[]): (readonly string[])[] {
  let start = 0;
  let end = tokens.length;
  for (let changed = true; changed; ) {
    changed = false;
    for (const filler of LEADING_FILLERS) {
      if (start + filler.length < end && filler.every((w, i) => tokens[start + i] === w)) {
        start += filler.length;
        changed = true;
        break;
      }
    }
  }
  for (let changed = true; changed; ) {
    changed = false;
    for (const filler of TRAILING_FILLERS) {
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
