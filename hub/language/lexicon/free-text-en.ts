/**
 * What a free-text slot may not be about. A wildcard takes any words, so "put the extractor on" would play "the
 * extractor" and "order a chinese takeaway" would look for a takeaway in the shop. A value containing one of
 * `within` is about something else (a thing of the house, another intent's topic, a service the hub cannot buy);
 * a value that is only one of `alone` (after "the", "my", "some"…) names no title or product.
 */
import { DEVICE_WORDS } from '../../../device-types/index.js';
import type { FreeTextRefusal } from '../slot-lists.js';
import { MUSIC_GENRES } from './media-en.js';

/** Things of the house and other intents' topics: never a title to play. */
const HOUSE_THINGS = [
  'timer',
  'timers',
  'alarm',
  'alarms',
  'reminder',
  'reminders',
  'shopping list',
  'to do list',
  'todo list',
  'thermostat',
  'heating',
  'boiler',
  'radiator',
  'radiators',
  'extractor',
  'extractor fan',
  'kettle',
  'oven',
  'hob',
  'cooker',
  'microwave',
  'toaster',
  'dishwasher',
  'washing machine',
  'washer',
  'tumble dryer',
  'dryer',
  'sprinkler',
  'sprinklers',
  'hoover',
  'vacuum',
  'aircon',
  'air con',
  'air conditioning',
  'coffee machine',
  'blinds',
  'curtains',
  'thermometer',
  'temperature',
  'brightness',
  'volume',
  'cleaning',
  'clean up',
  'cleanup',
  'hoovering',
  'vacuuming',
  'housework',
  'wash',
  'washing',
  'laundry',
  'car',
  'engine',
  'bath',
  'shower',
  'hot water',
  'immersion',
  'fireplace',
  'doorbell',
  'camera',
  'cameras',
  // Moving through what plays is another request ("play the next track").
  'next song',
  'next track',
  'next episode',
  'next chapter',
  'next one',
  'previous song',
  'previous track',
  'previous episode',
  'previous chapter',
];

/** Said alone, a device class or a part of the house: "put the lights on" is no song ("lights by …" still is). */
const HOUSE_ALONE = [
  'light',
  'lights',
  'big light',
  'main light',
  'lamp',
  'lamps',
  'fan',
  'fans',
  'heater',
  'plug',
  'socket',
  'door',
  'doors',
  'window',
  'windows',
  'gate',
  'lock',
];

/** Meals, takeaways and services: the hub orders household supplies from the marketplace, not dinner or a taxi. */
const NOT_SUPPLIES = [
  // "I don't want this list any more" cancels no order
  'list',
  // "Get rid of all the timers": no shopping
  'rid of',
  'timer',
  'timers',
  'takeaway',
  'take away',
  'takeout',
  'take out',
  'to go',
  'delivery',
  'delivered',
  'restaurant',
  'meal',
  'meals',
  'dinner',
  'lunch',
  'pizza',
  'pizzas',
  'burger',
  'burgers',
  'cheeseburger',
  'kebab',
  'curry',
  'sushi',
  'noodles',
  'wings',
  'fries',
  'eggroll',
  'egg roll',
  'chinese food',
  'indian food',
  'thai food',
  'mexican food',
  'italian food',
  'fast food',
  'hot food',
  'taxi',
  'cab',
  'uber',
  'lyft',
  'ride',
  'table for',
  'flight',
  'flights',
  'train ticket',
  'tickets',
  'hotel',
  // Something to play, not to buy ("get me some jazz music", "find me a podcast").
  'music',
  'song',
  'songs',
  'playlist',
  'podcast',
  'podcasts',
  'episode',
  'audiobook',
  'audio book',
  'radio station',
  'station',
  'fm',
  // A particle before where or please: "get the lights on in the kitchen", "get the heating on please"
  'on in',
  'off in',
  'on please',
  'off please',
  'on for me',
  'going in',
  // A thing said to be on or off ("I don't want it on all night"): no order to cancel
  'it on',
  'it off',
  'them on',
  'them off',
];
// "get the lights" switches them, it buys none.
const NOT_SUPPLIES_ALONE = ['food', 'something to eat', 'a table', 'table', 'car', 'a car', 'light', 'lights'];

/**
 * The nouns device types name their devices with (device-types/<type>/: `words`) are things of the house too,
 * except those common in titles ("Light My Fire").
 */
const TYPE_WORDS = DEVICE_WORDS.filter((w) => !w.alsoInTitles).map((w) => w.word);

/** A shopping list item: not the room ("more light in here"), not something a room lacks, not the list itself. */
const NOT_ITEMS = [
  'in here',
  'in this room',
  'around here',
  // Another request about the list inside the item ("we're out of paint so take paint off the list")
  'off the list',
  'off my list',
  'from the list',
  'from my list',
  'create',
  'new list',
  // A list is no item ("add the list of things to buy"), nor whose list it is ("sparklers to my bonfire night")
  'list',
  'to my',
  'to our',
  'to the',
  'onto the',
  'on my',
  'on our',
  'onto my',
  'from my',
  'off my',
  // A device command inside the item ("turn the oven off the roast is done"): no shopping
  'turn on',
  'turn off',
  'turn the',
  'switch on',
  'switch off',
  'switch the',
  // …or about a timer, an alarm or what plays ("stop the timer, it's done")
  'stop the',
  'cancel the',
  'pause the',
  // A question about the list, not a thing to put on it ("read back what I put on the list")
  'what i',
  'what we',
  'what is',
  'read back',
  'read out',
  // A question of how long or how much ("how many minutes till the pasta is done")
  'how many',
  'how long',
  'how much',
];
const NOT_ITEMS_ALONE = [
  // Asking what is on a list ("anything else on the list")
  'anything',
  'anything else',
  'something',
  'everything',
  'nothing',
  'light',
  'lights',
  'heat',
  'warmth',
  'air',
  'fresh air',
  'space',
  'room',
  'time',
  'help',
  'sleep',
  'quiet',
  'peace and quiet',
  'music',
  'volume',
  'noise',
  // What the hub keeps, not what is bought ("enough timers, clear the lot")
  'timers',
  'alarms',
  'reminders',
];

export const ITEM_REFUSES: FreeTextRefusal = {
  within: NOT_ITEMS,
  alone: NOT_ITEMS_ALONE,
  before: ['list', 'lists'],
  ownerBefore: ['shopping', 'grocery'],
};
/**
 * An item said with no verb before it ("oat cakes on the shopping list"): not a question about the list ("anything
 * left on the list", "is there butter on it"), nor a request whose verb the sentence did not place.
 */
export const BARE_ITEM_REFUSES: FreeTextRefusal = {
  ...ITEM_REFUSES,
  // Whose list it is, said before its name ("my to do list" is no item "my" for the "do" list).
  alone: [...NOT_ITEMS_ALONE, 'my', 'our', 'your', 'the', 'this', 'that'],
  within: [
    ...NOT_ITEMS,
    ...['is', 'are', 'was', 'were', 'do', 'does', 'did', 'have', 'has', 'can', 'could', 'will', 'would', 'should'],
    ...['what', 'which', 'how', 'where', 'when', 'who', 'why', 'there', 'anything', 'left'],
    ...['add', 'put', 'remove', 'delete', 'take', 'scrap', 'cross', 'tick', 'check', 'clear', 'read', 'show', 'from'],
  ],
};
/** What a new list would be called: not who it is for ("make a new list for me"), nor an item on a list. */
export const LIST_NAME_REFUSES: FreeTextRefusal = {
  within: ['today', 'tonight', 'tomorrow', 'from', 'off'],
  // …nor a list picked without its name ("remove a list", "the first list"): which one is not said.
  alone: ['me', 'us', 'you', 'me please', 'now', 'a', 'an', 'one', 'first', 'second', 'third', 'last', 'other', 'that'],
};
/** A timer's name is no request about timers: "hold the timer a minute" names no timer "hold the". */
export const TIMER_NAME_REFUSES: FreeTextRefusal = {
  within: [
    'pause',
    'hold',
    'freeze',
    'stop',
    'cancel',
    'resume',
    'unpause',
    'restart',
    'continue',
    'delete',
    'remove',
    'kill',
    'add',
    // Which timers, not a name ("bin each and every timer")
    'every',
    'each',
    'single',
    'how',
    'what',
    'when',
    // "Hold my timer for five minutes": how long, not its name
    ...['hour', 'hours', 'minute', 'minutes', 'min', 'mins', 'second', 'seconds', 'sec', 'secs'],
  ],
};
/** Words that say a free text is something to play. */
export const PLAYABLE_WORDS = [
  'music',
  'song',
  'songs',
  'track',
  'tracks',
  'tunes',
  'album',
  'playlist',
  'radio',
  'station',
  'channel',
  'frequency',
  'fm',
  'podcast',
  'podcasts',
  'episode',
  'audiobook',
  'audio book',
  'chapter',
  'band',
  'artist',
  'show',
  'shows',
  'programme',
  'broadcast',
  // Services people name for what to play ("open spotify").
  'spotify',
  'pandora',
  'iheartradio',
  'tunein',
  'audible',
  'soundcloud',
  'deezer',
  'youtube',
  ...MUSIC_GENRES,
];

/** What was playing, wanted again ("start the music again", "put the radio back on"): resuming it, no title. */
const HAD_AGAIN = [
  'back',
  ...['music', 'song', 'track', 'radio', 'podcast', 'audiobook', 'show', 'sound', 'it'].flatMap((w) => [
    `${w} again`,
    `${w} back`,
  ]),
];

/** A player's modes, said as where to put it ("put the tv on mute", "put it on shuffle"): a setting, no title. */
const PLAYER_MODES = ['mute', 'silent', 'pause', 'hold', 'standby', 'shuffle', 'repeat'];

export const SEARCH_QUERY_REFUSES: FreeTextRefusal = {
  within: [...HOUSE_THINGS, ...TYPE_WORDS],
  // …nor a title that is only "the" ("play the podcast": the class word is the whole title)
  alone: [...HOUSE_ALONE, ...HAD_AGAIN, ...PLAYER_MODES, 'the', 'a', 'an', 'my', 'our', 'some', 'this', 'that'],
  // "put the plumber on my work list": a list to write on, nothing to play; "put the terrarium lamp on": a light
  last: ['list', 'lists', 'light', 'lights', 'lamp', 'lamps', 'fan', 'fans', 'heater', 'plug', 'socket'],
};
/** A phrasal verb's particle: "get the cleaning on", "get the kettle going" start something, they buy nothing. */
const PARTICLES = ['on', 'off', 'going', 'started', 'running'];
/** The same said of something had before ("get the radio going again", "get the heating back on"). */
const AGAIN_PARTICLES = ['going again', 'on again', 'back on', 'back off'];
export const PRODUCT_REFUSES: FreeTextRefusal = {
  within: [...NOT_SUPPLIES, ...AGAIN_PARTICLES],
  alone: NOT_SUPPLIES_ALONE,
  last: PARTICLES,
};
