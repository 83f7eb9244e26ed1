/** SendPantryBox: Sends the pantry box. */
import { defineIntent } from '../../../hub/sdk/index.js';

export const sendPantryBox = defineIntent({
  targets: 'none',
  slots: {},
  sentences: [
    {
      sentences: [
        '(send|ship|submit|order|dispatch) [my|the|our] pantry box [now|off|today]',
        '[my|the] pantry box is (ready|full|done) [to go]',
        'i am done (filling|with) [my|the] pantry box',
        'close and send [my|the] pantry box',
        'send off [my|the] pantry box',
      ],
    },
  ],
});
