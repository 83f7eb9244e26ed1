/** HassMediaNext: skips to the next item. */
import { defineIntent } from '../../../hub/sdk/index.js';
import { MEDIA_SLOTS, MEDIA_TARGETS, where } from './slots.js';

const item = '(song|track|tune|episode|one|item|chapter|video|thing)';
export const next = defineIntent({
  targets: MEDIA_TARGETS,
  slots: MEDIA_SLOTS,
  cues: {
    actions: ['next', 'skip', 'skip ahead', { words: 'forward', weight: 0.75 }, 'following'],
    topics: [
      'song',
      'track',
      'tune',
      'episode',
      'chapter',
      'video',
      'move on',
      'go on',
      'play',
      'this one',
      'that one',
    ],
  },
  sentences: [
    `[play] [the] next ${item} [please] ${where}`,
    `skip [this|that|the] [${item}] ${where}`,
    `skip [ahead|forward] [to the next ${item}] ${where}`,
    `(go|jump|move|proceed|go on|skip) [on|ahead|forward] to the (next|following) ${item} ${where}`,
    `(next|skip) [it|that|this] ${where}`,
    `i (do not|can not) (like|stand) this [${item}]`,
    `(play something else|change the song|different song|another song)`,
  ],
});
