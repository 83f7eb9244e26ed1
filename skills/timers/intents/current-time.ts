/** HassGetCurrentTime: Says the time. */
import { defineIntent } from '../../../hub/sdk/index.js';
import { askedInOtherWords } from './asking-words.js';

export const currentTime = defineIntent({
  targets: 'none',
  slots: {},
  cues: askedInOtherWords([
    'the time',
    'what time',
    { words: 'how late', weight: 0.5 },
    { words: 'right now', weight: 0.25 },
  ]),
  sentences: [
    {
      sentences: [
        'what time is it [now|right now]',
        'time',
        'what is the [current] time [now|right now]',
        '(tell me|give me) the time',
        'do you (know|have) [what] the time [is]',
        'do you know what time it is',
        '(got|have you got) the time',
        '[the] time please',
        'what time have we got',
        'current time',
        'how late is it',
      ],
    },
    {
      spoken: false,
      sentences: ['[a|quick] time check [please]', 'check the (time|clock)', 'what does the clock say'],
    },
  ],
});
