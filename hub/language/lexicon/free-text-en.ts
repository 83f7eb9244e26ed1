/**
 * What a free-text slot may not be about. A wildcard takes any words, so "put the extractor on" would play "the
 * extractor" and "order a chinese takeaway" would look for a takeaway in the shop. A value containing one of
 * `within` is about something else (a thing of the house, another intent's topic, a service the hub cannot buy);
 * a value that is only one of `alone` (after "the", "my", "some"…) names no title or product.
 */
import { deviceTypes } from '../../../device-types/index.js';
import type { DeviceTypeDefinition } from '../../sdk/index.js';
import type { FreeTextRefusal } from '../slot-lists.js';

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
];
const NOT_SUPPLIES_ALONE = ['food', 'something to eat', 'a table', 'table', 'car', 'a car'];

/** The nouns device types name their devices with (device-types/<type>/: `words`) are things of the house too. */
const TYPE_WORDS = (Object.values(deviceTypes) as DeviceTypeDefinition[]).flatMap((t) => t.words ?? []);

/** A shopping list item: not the room ("more light in here") nor something a room lacks rather than a thing to buy. */
const NOT_ITEMS = ['in here', 'in this room', 'around here'];
const NOT_ITEMS_ALONE = [
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
];

export const ITEM_REFUSES: FreeTextRefusal = { within: NOT_ITEMS, alone: NOT_ITEMS_ALONE };
export const SEARCH_QUERY_REFUSES: FreeTextRefusal = { within: [...HOUSE_THINGS, ...TYPE_WORDS], alone: HOUSE_ALONE };
export const PRODUCT_REFUSES: FreeTextRefusal = { within: NOT_SUPPLIES, alone: NOT_SUPPLIES_ALONE };
