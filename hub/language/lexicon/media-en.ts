/** How people say what kind of thing to play: Home Assistant's media classes, as words around a title. */

/** A class word and its media class (Home Assistant has no audiobook class: "the hobbit audiobook" stays the title); `after`: also said after the title ("my chill [playlist]", "the frozen [film]"). */
export const MEDIA_CLASS_WORDS: ReadonlyArray<readonly [words: string, mediaClass: string, after?: 'after']> = [
  ['album', 'album', 'after'],
  ['record', 'album'],
  ['song', 'track', 'after'],
  ['track', 'track'],
  ['tune', 'track'],
  ['artist', 'artist'],
  ['band', 'artist'],
  ['singer', 'artist'],
  ['group', 'artist'],
  ['playlist', 'playlist', 'after'],
  ['podcast', 'podcast', 'after'],
  ['movie', 'movie', 'after'],
  ['film', 'movie', 'after'],
  ['tv show', 'tv_show'],
  ['show', 'tv_show'],
  ['series', 'tv_show'],
  ['tv series', 'tv_show'],
  ['programme', 'tv_show'],
  ['program', 'tv_show'],
  ['station', 'channel'],
  ['radio station', 'channel'],
  ['channel', 'channel'],
];

/** Words before an artist's name: what is played is by them ("songs by adele", "something by the beatles"). */
export const BY_ARTIST_WORDS: readonly string[] = [
  'songs by',
  'song by',
  'music by',
  'something by',
  'anything by',
  'stuff by',
  'tracks by',
  'a song by',
  'a track by',
  'the songs by',
  'the music by',
];
