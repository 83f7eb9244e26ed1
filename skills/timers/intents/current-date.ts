/** HassGetCurrentDate: Says the date. */
import { defineIntent } from '../../../hub/sdk/index.js';

export const currentDate = defineIntent({
  targets: 'none',
  slots: {},
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
  ],
});
