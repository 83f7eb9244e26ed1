/**
 * The assistant's own spoken replies, where it was asked: HearthAssistantMute ("mute yourself", "no talking for an
 * hour", "stay quiet until seven") and HearthAssistantUnmute ("you can talk again"). Hearth's intents: Home Assistant
 * has none (a satellite is muted by its own switch entity; HassMediaPlayerMute mutes a player, "mute the tv").
 * "Stop talking" or "be quiet" said alone cut the reply being spoken short (HearthStop); with how long, they mute.
 */
import { defineIntent } from '../../../hub/sdk/index.js';
import { CLOCK_TIME_SLOTS, DURATION_SLOTS } from './slots.js';

const speak = '(talk|talking|speak|speaking|answer|answering|respond|responding|reply|replying)';
const replies = '(voice|replies|responses|answers|spoken replies|spoken answers)';
const aloud = '[out loud|aloud|back] [to (me|us)]';
/** How long, in words: until unmuted. */
const lasting =
  '(for a while|for now|for the time being|until (i say so|further notice|i say otherwise|said otherwise|told otherwise)|any more|anymore)';
/** How long, as a duration or a clock time: said in one sentence each, since every sentence that can say a number
 * crowds the timers' sentences out of the repair stage's few candidates ("time 8 minutes"). */
const keepQuiet = `((mute|silence|quiet) yourself|(be|stay|keep|go) (quiet|silent|muted)|(do not|stop) ${speak} ${aloud}|no [more] ${speak} ${aloud}|mute [your ${replies}])`;
const muteWords = [
  `[please] ${keepQuiet} [please] for [the next] <duration> [please]`,
  `[please] ${keepQuiet} [please] (until|till) <clock_time> [{day_period:period}] [please]`,
  `[please] (mute|silence|quiet) yourself [${lasting}] [now] [please]`,
  `[please] (mute|silence) (your|all [your]|all the|the|spoken) ${replies} [${lasting}] [now] [please]`,
  `[please] (turn|switch) off your ${replies} [${lasting}] [please]`,
  `[please] (do not|stop) ${speak} ${aloud} ${lasting} [please]`,
  `[please] do not ${speak} ${aloud} [please]`,
  `no [more] ${speak} ${aloud} [please] [${lasting}]`,
  `[please] (be|stay|keep|go) (quiet|silent|muted) ${lasting} [please]`,
  `[can you] [please] be muted [${lasting}] [please]`,
  `[please] mute ${lasting} [please]`,
  `(set|turn on|switch on|put on|go into|enter) (mute|silent mode|quiet mode) ${lasting}`,
  '[please] (go into|enter|turn on|switch on) (silent|quiet) mode [please]',
  `(i do not want|i do not need) (spoken|voice|any) ${replies} [${lasting}]`,
];

export const assistantMute = defineIntent({
  targets: 'none',
  slots: { ...DURATION_SLOTS, ...CLOCK_TIME_SLOTS },
  sentences: [
    // Typed only (and heard once the recogniser takes free speech): with even two short spoken forms in the command
    // grammar, talk was decoded as kettle and light commands (test/e2e/voice-safety: 3 of 100 acted, 0 without).
    { spoken: false, sentences: ['mute your voice', 'be quiet for a while'] },
    { spoken: false, sentences: muteWords, priority: 1 },
    {
      spoken: false,
      sentences: [`[please] ${keepQuiet} [please] for the next hour [please]`],
      slots: { hours: 1 },
      priority: 1,
    },
  ],
});

export const assistantUnmute = defineIntent({
  targets: 'none',
  slots: {},
  sentences: [
    { spoken: false, sentences: ['you can talk again'] },
    {
      spoken: false,
      sentences: [
        '[please] unmute yourself [please]',
        `[please] (unmute|turn on|switch on) your ${replies} [again] [please]`,
        `[please] (turn|switch) your ${replies} back on [please]`,
        `you can ${speak} [to (me|us)] again`,
        `(start|resume) ${speak} [to (me|us)] again`,
        `${speak} to (me|us) again`,
        '[please] (turn off|switch off|leave|exit|end) (silent|quiet|mute) mode [please]',
        '[please] (turn|switch) (silent|quiet|mute) mode off [please]',
      ],
      priority: 1,
    },
  ],
});
