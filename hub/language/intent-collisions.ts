/**
 * Sentences of two owners that accept the same request. Found by running concrete examples of one side's templates
 * through a matcher of the other side's, in both directions: the new owner's templates with an example through
 * every word and every value of its own lists (coverage.ts), everyone else's with their first few examples.
 */
import type { CompiledTemplate, IntentOrigin } from './compile.js';
import { coverageExamples } from './coverage.js';
import { examples, sampleKey } from './examples.js';
import { Matcher } from './matcher.js';
import { tokenize } from './normalize.js';
import type { SlotListSet } from './slot-lists.js';

export interface IntentCollision {
  /** The new sentence and a concrete example that both sides accept. */
  sentence: string;
  intent: string;
  example: string;
  otherOwner: string;
  /** Where the other sentence comes from: a built-in one gives way to an installed skill's (compile.ts). */
  otherOrigin: IntentOrigin;
  otherIntent: string;
  otherSentence: string;
}

const EXAMPLES_PER_SENTENCE = 6;

/** Every skill's collision check walks all registered templates again; their tokenized examples are kept. */
const tokenized = new WeakMap<CompiledTemplate, { key: string; items: Example[] }>();

interface Example {
  example: string;
  tokens: readonly string[];
}

function tokenizedExamples(template: CompiledTemplate, lists: SlotListSet): readonly Example[] {
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

/** A skill's sentence as its author wrote it: its own lists are registered as `{<skill>__<list>:<slot>}`. */
function asDeclared(sentence: string): string {
  return sentence.replace(
    /\{[a-z0-9_]+__([a-z_][a-z0-9_]*):([a-z_][a-z0-9_]*)\}/gi,
    (whole, list: string, slot: string) => (list === slot ? `{${slot}}` : whole),
  );
}

/** The new owner's templates against the others', each pair of sentences reported once, from the new owner's side. */
export function findCollisions(
  mine: CompiledTemplate[],
  others: CompiledTemplate[],
  lists: SlotListSet,
): IntentCollision[] {
  const found: IntentCollision[] = [];
  const seen = new Set<string>();
  collide(mine, new Matcher(others, lists), lists, false, seen, found, coverageExamples);
  collide(others, new Matcher(mine, lists), lists, true, seen, found, tokenizedExamples);
  return found;
}

/**
 * Examples of `fresh` that `existing` also accepts. `reversed`: `fresh` are the other owners' templates and
 * `existing` matches the new owner's.
 */
function collide(
  fresh: CompiledTemplate[],
  existing: Matcher,
  lists: SlotListSet,
  reversed: boolean,
  seen: Set<string>,
  found: IntentCollision[],
  examplesOf: (template: CompiledTemplate, lists: SlotListSet) => readonly Example[],
): void {
  for (const template of fresh) {
    for (const { example, tokens } of examplesOf(template, lists)) {
      const hit = existing.matchExact(tokens);
      if (!hit || (hit.template.intent === template.intent && hit.template.owner === template.owner)) continue;
      const [mine, theirs] = reversed ? [hit.template, template] : [template, hit.template];
      const key = `${mine.sentence}\u0000${theirs.sentence}`;
      if (seen.has(key)) continue;
      seen.add(key);
      found.push({
        sentence: asDeclared(mine.sentence),
        intent: mine.intent,
        example,
        otherOwner: theirs.owner,
        otherOrigin: theirs.origin,
        otherIntent: theirs.intent,
        otherSentence: asDeclared(theirs.sentence),
      });
    }
  }
}
