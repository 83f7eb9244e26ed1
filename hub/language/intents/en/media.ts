/** Media players: pause, resume, skip, volume, play something. */
import type { IntentSentences } from '../../sentences.js';

const where = '[(on|in) (<name>|<area>)|<here>]';
export const media: IntentSentences[] = [
  {
    intent: 'HassMediaPause',
    data: [
      {
        sentences: [
          `pause [the|my] [music|song|track|movie|show|playback|video|podcast] ${where}`,
          'pause <name>',
          `(stop|hold) (the|my) (music|song|track|movie|show|playback|video|podcast) ${where}`,
          `(hold on|wait) pause [it|that|the music]`,
          `put [the] (music|song|movie|show) on (hold|pause)`,
          `mute the music ${where}`,
          `stop playing ${where}`,
          `pause it ${where}`,
        ],
        slots: { domain: 'media_player' },
      },
    ],
  },
  {
    intent: 'HassMediaUnpause',
    data: [
      {
        sentences: [
          `(resume|unpause|continue) [the|my] [music|song|track|movie|show|playback|video|podcast] ${where}`,
          '(resume|unpause) <name>',
          `(keep|continue|start) playing ${where}`,
          `play (it|the music) again ${where}`,
          `(resume|continue) where (i|we) left off`,
          `(un pause|unmute) [the] [music|tv] ${where}`,
          `back to the (music|show|movie)`,
        ],
        slots: { domain: 'media_player' },
      },
    ],
  },
  {
    intent: 'HassMediaNext',
    data: [
      {
        sentences: [
          `[play] [the] next (song|track|tune|episode|one|item) ${where}`,
          `skip [this|the] [song|track|tune|episode|one] ${where}`,
          `(go|jump) to the next (song|track|episode|one)`,
          `skip ahead`,
          `(next|skip) please`,
          `i (do not|can not) (like|stand) this (song|track|one)`,
          `(next|skip) [it|that]`,
          `(play something else|change the song)`,
        ],
        slots: { domain: 'media_player' },
      },
    ],
  },
  {
    intent: 'HassMediaPrevious',
    data: [
      {
        sentences: [
          `[play] [the] (previous|last|prior) (song|track|tune|episode|one) [again] ${where}`,
          `go back [a|one] (song|track|episode)`,
          `go back to the (previous|last) (song|track|episode|one)`,
          `back [one|a] (song|track)`,
          `replay (that|the last) (song|track)`,
          `play that [song|track] again`,
          `previous`,
        ],
        slots: { domain: 'media_player' },
      },
    ],
  },
  {
    intent: 'HassSetVolume',
    data: [
      {
        sentences: [
          `(set|change|put|turn|adjust) [the] volume ${where} to {volume_level} <percent>`,
          `(set|change|put|turn|adjust) [the] volume (of|on) <name> to {volume_level} <percent>`,
          `(set|change|put|turn|adjust) <name> volume to {volume_level} <percent>`,
          `(set|change|put|turn) <name> to {volume_level} <percent> volume`,
          `volume [to|at] {volume_level} <percent> ${where}`,
          `(turn|bring) (it|the volume|the music) (up|down) to {volume_level} <percent> ${where}`,
          `{volume_level} <percent> volume ${where}`,
        ],
        slots: { domain: 'media_player' },
      },
      { sentences: [`mute ${where}`, `mute <name>`, `(silence|mute) (everything|the speakers)`], slots: { domain: 'media_player', volume_level: 0 } },
    ],
  },
  {
    intent: 'HassMediaSearchAndPlay',
    data: [
      {
        sentences: [
          'play {search_query} (on|in) (<name>|<area>)',
          'play {search_query}',
          'put on {search_query} [(on|in) (<name>|<area>)]',
          'i want to (hear|listen to) {search_query}',
          '(let us|let me) (hear|listen to) {search_query}',
          'listen to {search_query}',
          'can (i|we) (hear|have) {search_query}',
          'queue [up] {search_query}',
          'start playing {search_query}',
          '(find|search for) {search_query} and play it',
        ],
        slots: { domain: 'media_player' },
      },
    ],
  },
];
