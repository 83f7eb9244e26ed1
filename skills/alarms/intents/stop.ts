/** HearthStop: silences what sounds in the room: a ring, a finished timer, a reply being spoken. */
import { defineIntent } from '../../../hub/sdk/index.js';

export const stop = defineIntent({
  targets: 'none',
  sentences: [
    {
      sentences: ['stop [it|the ringing]', 'be quiet', 'i am (up|awake)'],
    },
    {
      // Typed (and heard in other words once the recogniser takes free speech): too many ways to say it for the JSGF grammar.
      // "stop the sound" is HassMediaPause's.
      spoken: false,
      sentences: [
        'stop [it|that|this|now|please|ringing|talking|the ringing|the noise|the beeping|the buzzing|everything]',
        '(be quiet|quiet|silence|hush|shush|shut up|enough|that is enough|ok stop|okay stop|stop stop|quiet please|quiet down)',
        '(dismiss|silence|turn off|switch off|shut off) (the ringing|the noise|the beeping|the buzzing)',
        '(dismiss|silence) (it|that)',
        '(i am|i m|ok i am|okay i am|alright i am) (up|awake|getting up)',
        '(thanks|thank you) (i am up|i am awake|that is enough)',
      ],
    },
  ],
});
