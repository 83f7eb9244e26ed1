/**
 * A typed request cut into what was said one after another: clauses at punctuation, and pieces where words join two
 * requests or a reason and a request.
 */
import { tokenize } from './normalize.js';

/**
 * The clauses of a typed request, as tokens: people add a reason or correct themselves after a comma ("turn the big
 * light off, it is too bright"). A full stop between digits is a decimal point, not a clause end.
 */
export function splitClauses(text: string): string[][] {
  return text
    .split(/[,;!?\u2026]+|\.+(?!\d)|\s[-\u2013\u2014]\s/)
    .map((clause) => tokenize(clause))
    .filter((c) => c.length > 0);
}

/** Words that join two requests or a reason and a request ("so", "and then"; "…, can you …" said mid-request). */
const JOINS: readonly (readonly string[])[] = [
  ['and', 'then'],
  ['so', 'can', 'you'],
  ['so', 'could', 'you'],
  ['so'],
  ['then'],
  ['can', 'you'],
  ['could', 'you'],
  ['would', 'you'],
];
/** A piece that starts by asking for something ("can you …", "could you …"). */
export const ASKING_START: readonly (readonly string[])[] = [
  ['can', 'you'],
  ['could', 'you'],
  ['would', 'you'],
];
/** Words that still belong to the request after a join ("so can you …" keeps "can you …"). */
const KEPT_JOIN_WORDS = new Set(['can', 'could', 'would', 'you']);

/**
 * A clause split where words join two requests; never at its first words, never into an empty piece. What follows
 * "so" is the request and what comes before it the reason ("we're out of milk so take the bread off the list"): it
 * comes first, so the request is read before the reason.
 */
export function splitJoined(clause: string[]): string[][] {
  const pieces: string[][] = [];
  let start = 0;
  let afterSo = false;
  for (let i = 2; i < clause.length - 1; i++) {
    const join = JOINS.find((j) => j.every((t, k) => clause[i + k] === t));
    if (!join || i + join.length >= clause.length) continue;
    const piece = clause.slice(start, i);
    if (afterSo) pieces.unshift(piece);
    else pieces.push(piece);
    afterSo = join[0] === 'so';
    const kept = join.findIndex((t) => KEPT_JOIN_WORDS.has(t));
    start = kept < 0 ? i + join.length : i + kept;
    i = i + join.length - 1;
  }
  if (afterSo) pieces.unshift(clause.slice(start));
  else pieces.push(clause.slice(start));
  return pieces.filter((p) => p.length > 0);
}

export function withinOneClause(value: string, clauses: readonly string[][]): boolean {
  return clauses.some((clause) => ` ${clause.join(' ')} `.includes(` ${value} `));
}
