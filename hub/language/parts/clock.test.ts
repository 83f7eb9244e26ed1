import { describe, expect, it } from 'vitest';
import { timeLists } from '../lexicon/time.js';
import { tokenize } from '../normalize.js';
import { SlotListSet } from '../slot-lists.js';
import { readClockTime } from './clock.js';

const lists = new SlotListSet();
lists.set('day_period', timeLists.day_period!);
const periods = lists.get('day_period');

/** The time read at the first word after the leading words said (`at`, `for`…). */
function timeIn(text: string, at = 0): ReturnType<typeof readClockTime> {
  return readClockTime(tokenize(text), at, periods);
}

describe('times of day read from the words of a request', () => {
  it.each([
    ['half seven', { hour: 7, minute: 30 }],
    ['half past six', { hour: 6, minute: 30 }],
    ['a quarter to eight', { hour: 8, minuteTo: 15 }],
    ['quarter past 9', { hour: 9, minute: 15 }],
    ['ten past eight', { hour: 8, minute: 10 }],
    ['five minutes to six', { hour: 6, minuteTo: 5 }],
    ['7 pm', { hour: 7, period: 'pm' }],
    ['six in the evening', { hour: 6, period: 'pm' }],
    ['seven oclock', { hour: 7 }],
    ['noon', { hour: 'noon' }],
    ['7.30', { hour: 7, minute: 30 }],
    ['twenty past six tonight', { hour: 6, minute: 20, period: 'pm' }],
  ])('%s', (text, want) => {
    expect(timeIn(text)).toMatchObject(want);
    expect(timeIn(text)?.end).toBe(tokenize(text).length);
  });

  it('reads "six forty five" as a time only after a word that leads one', () => {
    expect(timeIn('at six forty five', 1)).toMatchObject({ hour: 6, minute: 45, end: 4 });
    expect(timeIn('six forty five')).toBeUndefined();
  });

  it.each(['seven', 'half', 'half an hour', '40', 'quarter of the lights', 'ten minutes', 'half to six', 'oh'])(
    'is no time: %s',
    (text) => expect(timeIn(text)).toBeUndefined(),
  );
});
