/** HassGetCurrentDate: Says the date. */
import { defineIntent } from '../../../hub/sdk/index.js';
import { ASKING_WORDS } from './asking-words.js';

export const currentDate = defineIntent({
  targets: 'none',
  slots: {},
  // Asked in other words ("any idea what the date is", "remind me what day it is"): only the asking words.
  cues: {
    answers: true,
    alone: true,
    actions: [
      // Phrases, not single words: a single cue word counts against every other intent that leaves it unexplained.
      'the date',
      'what date',
      'todays date',
      { words: 'what day', weight: 0.75 },
      { words: 'which day', weight: 0.75 },
      { words: 'day of the week', weight: 0.75 },
      { words: 'what month', weight: 0.75 },
      { words: 'which month', weight: 0.75 },
      { words: 'what year', weight: 0.75 },
      { words: 'which year', weight: 0.75 },
      ...ASKING_WORDS,
    ],
  },
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
