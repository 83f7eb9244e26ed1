/** HassGetCurrentDate: Says the date. */
import { defineIntent, weighted } from '../../../hub/sdk/index.js';
import { askedInOtherWords } from './asking-words.js';

export const currentDate = defineIntent({
  targets: 'none',
  slots: {},
  cues: askedInOtherWords([
    'the date',
    'what date',
    'todays date',
    ...weighted(
      0.75,
      'what day',
      'which day',
      'day of the week',
      'what month',
      'which month',
      'what year',
      'which year',
    ),
  ]),
  sentences: [
    {
      sentences: [
        'what is [the|today|todays] date [today]',
        'what (day|date) is (it|today) [today]',
        'what is today',
        '(tell me|give me) [the|today|todays] date',
        'what day of the (week|month) is it',
        'which day is it [today]',
        'what is the day today',
        '(today|todays) date',
        'what month is it',
      ],
    },
    {
      // Asked as a guess to confirm: "is it friday", "today's monday, right".
      spoken: false,
      sentences: [
        'is (it|today) [already|still] (monday|tuesday|wednesday|thursday|friday|saturday|sunday|the weekend) [today|yet|already] [right|or not]',
        '(it is|today is|todays) (monday|tuesday|wednesday|thursday|friday|saturday|sunday) (right|is it not|yes)',
      ],
    },
  ],
});
