/** HassMediaPlayerMute / HassMediaPlayerUnmute: silences a player without pausing it, and back. */
import { defineIntent, weighted } from '../../../hub/sdk/index.js';
import { MEDIA_SLOTS, MEDIA_TARGETS, where } from './slots.js';

export const mute = defineIntent({
  targets: MEDIA_TARGETS,
  slots: MEDIA_SLOTS,
  cues: {
    actions: [
      'mute',
      'silence',
      'shh',
      'shush',
      { words: 'quiet', weight: 0.5 },
      'mute button',
      'sound off',
      'audio off',
      'kill sound',
      'kill audio',
      'kill volume',
      'cut sound',
      'cut audio',
      // Mute said as a switch turned on ("put the tv on mute"); off is unmute's.
      ...weighted(1.5, 'turn mute on', 'switch mute on', 'turn on mute', 'switch on mute', 'put on mute'),
    ],
    // How long or how: understood, though a mute lasts until it is undone.
    topics: ['for a while', 'for a bit', 'for now', 'until further notice', 'until i say so', 'sound', 'audio'],
  },
  sentences: [
    // A bare "silence" / "silence it" is HearthStop's (what rings); "mute" is always the player's.
    `mute [it|that|this|the (sound|audio|music|volume)] ${where}`,
    `mute <name>`,
    {
      spoken: false,
      sentences: [
        `silence the (sound|audio|music|volume|tv|telly) ${where}`,
        `(mute|silence) <name> ${where}`,
        '(mute|silence) (everything|all the speakers)',
        `(turn|switch) [the] (sound|audio) off ${where}`,
        `(kill|cut) [the] (sound|audio) ${where}`,
        `[the] (sound|audio) off [please] ${where}`,
      ],
    },
  ],
});

export const unmute = defineIntent({
  targets: MEDIA_TARGETS,
  slots: MEDIA_SLOTS,
  cues: {
    actions: [
      'unmute',
      'un mute',
      'sound back on',
      'sound on',
      'audio on',
      'audio back on',
      // Mute said as a switch turned off ("take the tv off mute", "switch the mute off"): above mute's 'mute'.
      ...weighted(1.25, 'off mute', 'mute off', 'cancel mute', 'stop muting'),
      ...weighted(1.5, 'turn mute off', 'switch mute off', 'turn off mute', 'switch off mute'),
      'sound back',
      'audio back',
    ],
  },
  sentences: [
    `unmute [it|that|this|the (sound|audio|music)] ${where}`,
    'unmute <name>',
    {
      spoken: false,
      sentences: [
        `(unmute|un mute) [it|that|this|the (sound|audio|music)] ${where}`,
        `(unmute|un mute) <name> ${where}`,
        `(turn|switch|put) [the] (sound|audio) back on ${where}`,
        `[the] (sound|audio) [back] on [please] ${where}`,
        `(turn|switch|put) [the] (sound|audio) on ${where}`,
      ],
    },
  ],
});
