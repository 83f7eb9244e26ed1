/** The media skill's intents: transport, volume, search and play. */
import { next } from './next.js';
import { pause } from './pause.js';
import { previous } from './previous.js';
import { searchAndPlay } from './search-and-play.js';
import { setVolume } from './set-volume.js';
import { unpause } from './unpause.js';

export const mediaIntents = {
  HassMediaPause: pause,
  HassMediaUnpause: unpause,
  HassMediaNext: next,
  HassMediaPrevious: previous,
  HassSetVolume: setVolume,
  HassMediaSearchAndPlay: searchAndPlay,
};
