/** The media skill's intents: transport, volume, mute, search and play. */
import { mute, unmute } from './mute.js';
import { next } from './next.js';
import { pause } from './pause.js';
import { previous } from './previous.js';
import { searchAndPlay } from './search-and-play.js';
import { setVolumeRelative } from './set-volume-relative.js';
import { setVolume } from './set-volume.js';
import { unpause } from './unpause.js';

export const mediaIntents = {
  HassMediaPause: pause,
  HassMediaUnpause: unpause,
  HassMediaNext: next,
  HassMediaPrevious: previous,
  HassSetVolume: setVolume,
  HassSetVolumeRelative: setVolumeRelative,
  HassMediaPlayerMute: mute,
  HassMediaPlayerUnmute: unmute,
  HassMediaSearchAndPlay: searchAndPlay,
};
