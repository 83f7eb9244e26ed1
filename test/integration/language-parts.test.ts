/**
 * Requests no sentence template fits, read by the second stage of understanding (hub/language/parts/) from their
 * parts in any order: each must give the frame and be sure enough to act on. Written here, from how people talk;
 * the template phrasings are in language-phrasings.cases.ts (confidence 1).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ACCEPT_CONFIDENCE } from '../../hub/language/parts/reader.js';
import { LanguageService } from '../../hub/language/service.js';
import { buildHousehold } from '../../hub/language/testing/household.js';
import type { SlotValue } from '../../hub/sdk/intents.js';
import { addBuiltinIntents } from '../harness/language.js';

type Case = [text: string, intent: string, slots: Record<string, SlotValue>, area?: string];

const CASES: Case[] = [
  // The sound back on or off, said with no verb: the player where it was heard
  ['audio on', 'HassMediaPlayerUnmute', {}],
  ['audio off', 'HassMediaPlayerMute', {}],
  // Lists: asking to see one, or which there are
  ['which lists have we got', 'HearthListRead', { lists: 'all' }],
  ['can i see the shopping list', 'HearthListRead', {}],
  ['pull up the grocery list', 'HearthListRead', {}],
  ['anything left on the list', 'HearthListRead', {}],
  ['how many things are on my list', 'HearthListRead', {}],
  ['is there butter on the shopping list', 'HearthListRead', {}],
  ['scrap the crisps from my list', 'HassShoppingListCompleteItem', { item: 'the crisps' }],
  ["we're out of milk so take the bread off the list", 'HassShoppingListCompleteItem', { item: 'the bread' }],
  // Cleaning said by what gets cleaned; lights by how the room feels
  ['clean the flat', 'HassVacuumStart', {}],
  ['the floors need a clean', 'HassVacuumStart', {}],
  ['start house cleaning', 'HassVacuumStart', {}],
  ["it's too bright in here", 'HassLightSet', { brightness_step: 'down' }],
  ["it's a bit dark in here", 'HassLightSet', { brightness_step: 'up' }],
  ['the lights are too bright', 'HassLightSet', { brightness_step: 'down' }],
  ['i need more light in here', 'HassLightSet', { brightness_step: 'up' }],
  // Something to play, said with a weak verb and a word for what it is
  ['turn it to the jazz station', 'HassMediaSearchAndPlay', { search_query: 'the jazz station' }],
  ['go to my saved podcasts', 'HassMediaSearchAndPlay', { search_query: 'saved podcasts' }],
  ['load my running playlist', 'HassMediaSearchAndPlay', { search_query: 'running', media_class: 'playlist' }],
  // Taking it back, however it is said
  ['oh never mind then', 'HassNevermind', {}],
  ['oops wrong button', 'HassNevermind', {}],
  ['no forget it it does not matter', 'HassNevermind', {}],
  // Asked inside a request: a question, never an action
  ['tell me if the blinds are open', 'HassGetState', { state: 'open', domain: 'cover', device_class: 'blind' }],
  ['can you check whether the front door is locked', 'HassGetState', { state: 'locked', name: 'Front Door' }],
  // "By" says a step, not a level
  ['lights up by twenty percent', 'HassLightSet', { brightness_step: 20 }],
  ['turn the volume up by 10', 'HassSetVolumeRelative', { volume_step: 10 }],
  // The time and the date, asked in other words
  ['any idea what time it is', 'HassGetCurrentTime', {}],
  ['remind me what day it is', 'HassGetCurrentDate', {}],
  ['what year is it', 'HassGetCurrentDate', {}],
  ['not so bright please', 'HassLightSet', { brightness_step: 'down' }],
  // Volume named by a level word, or the loudest
  ['put the volume on medium', 'HassSetVolume', { volume_level: 50 }],
  // Something to play, asked for with "get me", "how about", a service's name, or after what plays now
  ['get me some relaxing music', 'HassMediaSearchAndPlay', { search_query: 'relaxing music' }],
  [
    'how about playing my sunday playlist',
    'HassMediaSearchAndPlay',
    { search_query: 'sunday', media_class: 'playlist' },
  ],
  [
    'once this track is over put on something by queen',
    'HassMediaSearchAndPlay',
    { search_query: 'queen', media_class: 'artist' },
  ],
  ['open spotify', 'HassMediaSearchAndPlay', { search_query: 'spotify' }],
  ['turn over to the cricket show', 'HassMediaSearchAndPlay', { search_query: 'the cricket show' }],
  ['i want some music', 'HassMediaSearchAndPlay', { search_query: 'music' }],
  ['could we have the following track please', 'HassMediaNext', {}],
  // A vacuum switched on cleans; "get the … on" starts something, it buys nothing
  ['could you switch on the robot vacuum for me', 'HassVacuumStart', { name: 'Robbie' }],
  ['get the hoovering on', 'HassVacuumStart', {}],
  // How much light, said without a number
  ['can we get some more lights on in here', 'HassLightSet', { brightness_step: 'up' }],
  ['low lighting in the kitchen please', 'HassLightSet', { brightness_step: 'down', area: 'Kitchen' }],
  ['make the lights bright', 'HassLightSet', { brightness_step: 'up' }],
  // Which way a toggle goes, said; setting something going
  ['toggle the christmas tree on please', 'HassTurnOn', { name: 'Christmas Tree' }],
  ['could you set the kettle going', 'HassTurnOn', { name: 'Kettle' }],
  // A reason and a request joined by "so" or "then": the request is what to do
  ["we've run out of eggs so cross the flour off the list", 'HassShoppingListCompleteItem', { item: 'the flour' }],
  ["i can't see a thing so could you switch the hallway light on", 'HassTurnOn', { name: 'Hallway Light' }],
  // A time of day said in any order ("half seven", "twenty to eight", "7 am")
  ['my alarm needs to go off at quarter past six', 'HearthSetAlarm', { minute: 15, hour: 6 }],
  ['could the alarm ring tomorrow at 7 am please', 'HearthSetAlarm', { day: 'tomorrow', hour: 7, period: 'am' }],
  ["i'd like you to wake me at twenty to eight on friday", 'HearthSetAlarm', { day: 'friday', minute_to: 20, hour: 8 }],
  // A sigh is no zero o'clock; taking back in several clauses; a no said with a request gives way to the request
  ['oh, never mind', 'HassNevermind', {}],
  ['no, stop, never mind', 'HassNevermind', {}],
  ['no, switch the kettle off', 'HassTurnOff', { name: 'Kettle' }],
  // Which lists there are
  ['which lists have i made', 'HearthListRead', { lists: 'all' }],
  ['show me the lists that are available', 'HearthListRead', {}],
  ['turn the volume up to the loudest setting', 'HassSetVolume', { volume_level: 100 }],
  // Making a list is not something on a list; a list is no item
  ["let's make a new list for the party", 'HearthListCreate', { list_name: 'the party' }],
  ['could you set up a list of jobs for the weekend', 'HearthListCreate', { list_name: 'jobs for the weekend' }],
  ['start a new packing list', 'HearthListCreate', { list_name: 'packing' }],
  // A remark, then what to do asked for: the asking decides; the whole home said as where one lives
  ["it's far too bright in here could you switch the lights off", 'HassTurnOff', { domain: 'light' }, 'living_room'],
  ['turn on the christmas tree in our house', 'HassTurnOn', { name: 'Christmas Tree' }],
  ['mute the sound for a bit', 'HassMediaPlayerMute', {}],
  // Only something to play named, no verb; where in it to start; carrying on with what was playing
  ['radio two please', 'HassMediaSearchAndPlay', { search_query: 'radio two' }],
  ['the hobbit audiobook please', 'HassMediaSearchAndPlay', { search_query: 'the hobbit audiobook' }],
  ['my gardening podcast', 'HassMediaSearchAndPlay', { search_query: 'gardening', media_class: 'podcast' }],
  ['bbc radio four', 'HassMediaSearchAndPlay', { search_query: 'bbc radio four' }],
  ['start the audiobook from the beginning', 'HassMediaSearchAndPlay', { search_query: 'the audiobook' }],
  ['carry on with my book', 'HassMediaUnpause', {}],
  ['pick up where i left off in my audiobook', 'HassMediaUnpause', {}],
  ['stick some music on', 'HassMediaSearchAndPlay', { search_query: 'music' }],
];

/** Not acted on: a room the house does not have is no reason to act on the room the request was heard in. */
const NOT_UNDERSTOOD = [
  'turn off the light in the pantry',
  'switch the lamp on in the loft',
  // A weak verb with nothing that says it is something to play
  'find my phone',
  'go to the shops',
  'run a bath',
  // Not the time or the date now
  "what's the time in new york",
  "what's the date tomorrow",
  'set the time on the oven',
  // A title before a weak verb is no title
  'press start',
  // Not only a taking back
  'forget the lights',
  'never mind the weather what about tomorrow',
  // A list the house does not have is no reason to empty one (adding to it: lists-made-by-voice.test.ts)
  'please get rid of my work list from yesterday',
  // A time for later is no request for now (the hub schedules no device commands); "get the lights" buys nothing
  'start the vacuum at half past two',
  'switch the heater off in twenty minutes',
  'get the lights',
  // Named without a verb, but not something to play
  'the radio off',
  'i hate this song',
  'enough music',
  'thanks for the music',
  'music festival tickets',
  'the album cover',
];

describe('second stage: requests read from their parts', () => {
  const house = buildHousehold();
  const language = new LanguageService(house);
  beforeAll(async () => {
    await language.start();
    addBuiltinIntents(language);
  });

  it.each(CASES)('%s → %s', (text, intent, slots, area) => {
    const result = language.understand(text, area ? { area } : {});
    expect(result.intent).toEqual({ name: intent, slots });
    expect(result.confidence).toBeGreaterThanOrEqual(ACCEPT_CONFIDENCE);
  });

  it.each(['turn all the lights off in here', 'switch off all the lights in this room'])(
    '%s: the lights of the room it was heard in, not the whole home',
    (text) => {
      const result = language.understand(text, { area: 'living_room' });
      expect(result.intent).toEqual({ name: 'HassTurnOff', slots: { domain: 'light' } });
      expect([...result.targets].sort()).toEqual(['living_ceiling', 'living_lamp']);
      expect(language.understand('turn all the lights off', { area: 'living_room' }).targets.length).toBeGreaterThan(2);
    },
  );

  it.each(NOT_UNDERSTOOD)('%s → not understood', (text) => {
    const result = language.understand(text, { area: 'living_room' });
    expect(result.intent).toBeUndefined();
    expect(result.targets).toEqual([]);
  });
});
