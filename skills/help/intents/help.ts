/** HearthHelp: What the hub can do. */
import { defineIntent } from '../../../hub/sdk/index.js';

export const help = defineIntent({
  targets: 'none',
  slots: {},
  sentences: [
    {
      sentences: [
        'what can you do',
        'what (can|should) i (say|ask) [you]',
        'help [me]',
        'how (do i|does this) work',
        'what (commands|things) do you (know|understand)',
        'what do you understand',
        '(show|tell) me what you can do',
        'what are you able to do',
        'i need help',
      ],
    },
  ],
});
