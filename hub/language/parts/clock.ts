/**
 * A time of day said in a request read by its parts ("half seven", "quarter to six", "ten past eight", "7 pm", "six
 * forty five" after "at", "noon"), in the alarm slots' terms: `hour`, `minute` or `minute_to` ("quarter to six" →
 * 15 to 6), `period`. Only what is clearly a time of day is one: a bare number is an hour only after "at", "for",
 * "by"… and only for an intent that declares an hour (values.ts), so "the lamp at 40" stays a brightness.
 */
import { readNumbers } from '../numbers.js';
import type { CompiledList, TrieNode } from '../slot-lists.js';

export interface ClockTime {
  start: number;
  end: number;
  hour: number | 'noon' | 'midnight';
  minute?: number;
  minuteTo?: number;
  period?: string;
}

/** Words before a time ("at seven", "for half six", "by eight"): after them, "six forty five" is a time. */
export const TIME_LEADS = new Set(['at', 'for', 'by', 'around', 'about', 'until', 'till', 'before', 'from']);
const NAMED: Record<string, 'noon' | 'midnight'> = { noon: 'noon', midday: 'noon', midnight: 'midnight' };
const PAST = new Set(['past', 'after']);
const TO = new Set(['to', 'till', 'of', 'before']);
const MINUTE_WORDS = new Set(['minute', 'minutes', 'mins', 'min']);
/** "7.30", "7:30" once normalised to one token. */
const DOTTED = /^(\d{1,2})[.:](\d{2})$/;

/** The time of day said at `pos`, when one is; `periods` is the `day_period` list ("am", "in the evening"). */
export function readClockTime(
  tokens: readonly string[],
  pos: number,
  periods: CompiledList | undefined,
): ClockTime | undefined {
  const time = readTime(tokens, pos);
  if (!time) return undefined;
  const period = readPeriod(tokens, time.end, periods);
  if (period) return { ...time, end: period.end, period: period.value };
  // A bare hour is a time only with its period ("7 pm") or "o'clock".
  return time.clear ? time : undefined;
}

type Reading = Omit<ClockTime, 'period'> & { clear: boolean };

function readTime(tokens: readonly string[], pos: number): Reading | undefined {
  const first = tokens[pos];
  if (first === undefined) return undefined;
  const named = NAMED[first];
  if (named) return { start: pos, end: pos + 1, hour: named, clear: true };
  const dotted = DOTTED.exec(first);
  if (dotted) {
    const hour = Number(dotted[1]);
    const minute = Number(dotted[2]);
    return hour <= 23 && minute <= 59 ? { start: pos, end: pos + 1, hour, minute, clear: true } : undefined;
  }
  // "half seven", "half past seven", "(a) quarter past/to seven"
  let at = pos;
  if (tokens[at] === 'a' && tokens[at + 1] === 'quarter') at++;
  if (tokens[at] === 'half' || tokens[at] === 'quarter') {
    const minutes = tokens[at] === 'half' ? 30 : 15;
    const relation = tokens[at + 1] ?? '';
    if (PAST.has(relation) || TO.has(relation)) {
      const hour = hourAt(tokens, at + 2);
      if (!hour) return undefined;
      const toward = TO.has(relation);
      if (toward && minutes === 30) return undefined; // "half to" is not said
      return {
        start: pos,
        end: hour.end,
        hour: hour.value,
        ...(toward ? { minuteTo: minutes } : { minute: minutes }),
        clear: true,
      };
    }
    if (tokens[at] === 'half') {
      const hour = hourAt(tokens, at + 1);
      if (hour && hour.value >= 1 && hour.value <= 12)
        return { start: pos, end: hour.end, hour: hour.value, minute: 30, clear: true };
    }
    return undefined;
  }
  const number = readNumbers(tokens, pos)[0];
  if (!number || !Number.isInteger(number.value)) return undefined;
  // "ten past eight", "five minutes to six"
  let next = number.end;
  if (MINUTE_WORDS.has(tokens[next] ?? '')) next++;
  const relation = tokens[next] ?? '';
  if ((PAST.has(relation) || TO.has(relation)) && number.value >= 1 && number.value <= 30) {
    const hour = hourAt(tokens, next + 1);
    if (hour && hour.value <= 12)
      return {
        start: pos,
        end: hour.end,
        hour: hour.value,
        ...(TO.has(relation) ? { minuteTo: number.value } : { minute: number.value }),
        clear: true,
      };
  }
  if (number.value > 23) return undefined;
  // "seven o'clock", "six forty five", "6 05", "seven oh five"
  if (tokens[number.end] === 'oclock' || (tokens[number.end] === 'o' && tokens[number.end + 1] === 'clock'))
    return { start: pos, end: number.end + (tokens[number.end] === 'o' ? 2 : 1), hour: number.value, clear: true };
  const minute = minuteAt(tokens, number.end);
  if (minute)
    return {
      start: pos,
      end: minute.end,
      hour: number.value,
      minute: minute.value,
      clear: TIME_LEADS.has(tokens[pos - 1] ?? ''),
    };
  return { start: pos, end: number.end, hour: number.value, clear: false };
}

function hourAt(tokens: readonly string[], pos: number): { value: number; end: number } | undefined {
  const named = NAMED[tokens[pos] ?? ''];
  if (named === 'noon') return { value: 12, end: pos + 1 };
  const number = readNumbers(tokens, pos)[0];
  return number && Number.isInteger(number.value) && number.value >= 0 && number.value <= 23 ? number : undefined;
}

/** The minutes after an hour: "forty five", "05", "oh five"; never a number that is no minute of a clock. */
function minuteAt(tokens: readonly string[], pos: number): { value: number; end: number } | undefined {
  const oh = tokens[pos] === 'oh' || tokens[pos] === 'o';
  const number = readNumbers(tokens, oh ? pos + 1 : pos)[0];
  if (!number || !Number.isInteger(number.value) || number.value > 59) return undefined;
  if (oh ? number.value > 9 : number.value < 10 && !/^0\d$/.test(tokens[pos] ?? '')) return undefined;
  return number;
}

function readPeriod(
  tokens: readonly string[],
  pos: number,
  periods: CompiledList | undefined,
): { value: string; end: number } | undefined {
  if (periods?.kind !== 'values') return undefined;
  let node: TrieNode | undefined = periods.root;
  let found: { value: string; end: number } | undefined;
  for (let i = pos; i < tokens.length && node; i++) {
    node = node.children.get(tokens[i]!);
    if (node?.outs?.length) found = { value: String(node.outs[0]), end: i + 1 };
  }
  return found;
}
