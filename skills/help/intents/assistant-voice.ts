/**
 * The assistant's own voice, not a speaker's sound: "mute yourself", "don't answer out loud any more" (Hearth's
 * HearthAssistantMute; Home Assistant has no intent for it — its HassMediaPlayerMute mutes a media player, and a
 * satellite is muted with its own switch entity) and "you can talk again" (HearthAssistantUnmute). "Stop talking"
 * and "be quiet" said alone cut the reply being spoken short (HearthStop, skills/alarms); "mute the speakers" is the
 * player's (HassMediaPlayerMute, skills/media).
 */
import { defineIntent } from '../../../hub/sdk/index.js';

const speak = '(talk|talking|speak|speaking|answer|answering|respond|responding|reply|replying)';
const lasting = '(for a while|for now|for the rest of the day|until i say so|until further notice|any more|anymore)';
const replies = '(voice|replies|responses|answers)';

export const assistantMute = defineIntent({
  targets: 'none',
  slots: {},
  sentences: [
    'mute yourself',
    'do not (talk|speak) (for a while|any more)',
    {
      spoken: false,
      sentences: [
        '[please] (mute|silence|quiet) yourself [please]',
        `[please] mute (your|all [your]|the assistant's|spoken) ${replies} [please] [${lasting}]`,
        `[please] (turn|switch) off your ${replies} [please]`,
        `[please] (do not|stop) ${speak} [out loud|back] [to (me|us)] ${lasting} [please]`,
        `[please] do not ${speak} [out loud|back] [to (me|us)] [please]`,
        `no [more] ${speak} [out loud] [please] [${lasting}]`,
        `(be quiet|keep quiet|stay quiet|shut up) ${lasting} [please]`,
        `(i do not want|i do not need) (spoken|voice) ${replies} [${lasting}]`,
      ],
    },
  ],
});

export const assistantUnmute = defineIntent({
  targets: 'none',
  slots: {},
  sentences: [
    'you can (talk|speak) again',
    {
      spoken: false,
      sentences: [
        '[please] unmute yourself [please]',
        `[please] (unmute|turn on|switch on) your ${replies} [again] [please]`,
        `[please] (turn|switch) your ${replies} back on [please]`,
        `you can ${speak} [to (me|us)] again`,
        `(start|resume) ${speak} [to (me|us)] again`,
        `${speak} to (me|us) again`,
      ],
    },
  ],
});
