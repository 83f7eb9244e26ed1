/** Which of the offered products an answer meant (yes/no and the PIN are read by hub/sdk/answers.ts). */
import { words, type ProductRef } from '../../hub/sdk/index.js';

const ORDINALS: Record<string, number> = {
  first: 0,
  one: 0,
  '1st': 0,
  second: 1,
  two: 1,
  '2nd': 1,
  third: 2,
  three: 2,
  '3rd': 2,
  fourth: 3,
  '4th': 3,
  fifth: 4,
  '5th': 4,
};
const CHOICE_FILLER = new Set([
  'the',
  'a',
  'an',
  'one',
  'please',
  'i',
  'mean',
  'meant',
  'want',
  'take',
  'that',
  'those',
  'them',
  'of',
  'it',
  'some',
  'pack',
  'bag',
]);

const singular = (w: string) => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w);

/** "the second one", "the pods", "decaf" → the candidate meant; undefined when it is not clearly one of them. */
export function pickCandidate(text: string, candidates: readonly ProductRef[]): ProductRef | undefined {
  const ws = words(text);
  if (ws.includes('last') && ws.length <= 3) return candidates.at(-1);
  const ordinal = ws.find(
    (w) => w in ORDINALS && (w !== 'one' && w !== 'two' && w !== 'three' ? true : ws.length <= 2),
  );
  if (ordinal !== undefined && ws.filter((w) => !CHOICE_FILLER.has(w) && !(w in ORDINALS)).length === 0)
    return candidates[ORDINALS[ordinal]!];
  const said = new Set(ws.filter((w) => !CHOICE_FILLER.has(w)).map(singular));
  if (!said.size) return undefined;
  const scored = candidates
    .map((c) => {
      const title = words(c.title).map(singular);
      const shared = title.filter((w) => said.has(w)).length;
      // Every word of the title said ("morning ridge coffee beans") beats a longer title that merely contains them.
      return { c, score: shared === 0 ? 0 : shared + (shared === title.length ? 0.5 : 0) };
    })
    .sort((a, b) => b.score - a.score);
  const [best, next] = scored;
  if (!best || best.score <= 0 || (next && next.score === best.score)) return undefined;
  return best.c;
}
