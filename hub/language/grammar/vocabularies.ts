/**
 * Default bounded vocabularies for wildcard slots, so the common sentences ("add milk to the
 * shopping list", "play some jazz") are in the grammar. Product names come from the commerce
 * catalog at run time (GrammarService.setVocabulary('product', names)).
 */
export const SHOPPING_ITEMS: readonly string[] = [
  'milk', 'bread', 'eggs', 'butter', 'cheese', 'yogurt', 'cream', 'coffee', 'tea', 'sugar', 'flour', 'rice', 'pasta',
  'apples', 'bananas', 'oranges', 'lemons', 'grapes', 'tomatoes', 'potatoes', 'onions', 'garlic', 'carrots', 'lettuce',
  'spinach', 'peppers', 'mushrooms', 'chicken', 'beef', 'fish', 'bacon', 'sausages', 'ham', 'cereal', 'oats', 'honey',
  'jam', 'peanut butter', 'olive oil', 'salt', 'pepper', 'ketchup', 'mustard', 'beans', 'soup', 'juice', 'orange juice',
  'water', 'beer', 'wine', 'chocolate', 'cookies', 'crisps', 'chips', 'ice cream', 'toilet paper', 'paper towels',
  'dish soap', 'laundry detergent', 'shampoo', 'toothpaste', 'soap', 'batteries', 'light bulbs', 'trash bags', 'cat food',
  'dog food', 'nappies', 'diapers', 'tissues', 'foil',
];

export const MEDIA_QUERIES: readonly string[] = [
  'music', 'some music', 'jazz', 'some jazz', 'classical music', 'rock', 'pop music', 'the news', 'the radio', 'podcasts',
  'my playlist', 'my favourites', 'relaxing music', 'something relaxing', 'something upbeat', 'country music', 'blues',
  'hip hop', 'folk music', 'the beatles', 'a podcast', 'an audiobook', 'white noise', 'rain sounds', 'lullabies',
];

export const TIMER_NAMES: readonly string[] = ['pasta', 'pizza', 'egg', 'eggs', 'rice', 'oven', 'bread', 'laundry', 'tea', 'nap', 'homework', 'cake', 'potatoes'];

/** What people ask to be reminded of (skills/alarms). */
export const REMINDER_TEXTS: readonly string[] = [
  'call grandma', 'call mom', 'call dad', 'take the bread out', 'take out the trash', 'take out the bins', 'water the plants',
  'take my medicine', 'take my pills', 'feed the cat', 'feed the dog', 'walk the dog', 'pick up the kids', 'check the oven',
  'turn off the oven', 'do my homework', 'pay the bills', 'buy milk', 'go to bed', 'leave for work', 'start dinner',
  'move the car', 'hang up the washing', 'put the washing out', 'charge my phone',
];

/** What gets announced to the house (HassBroadcast). */
export const ANNOUNCEMENTS: readonly string[] = [
  'dinner is ready', 'lunch is ready', 'breakfast is ready', 'it is bedtime', 'time for bed', 'time to get up', 'we are leaving',
  'we are leaving in five minutes', 'the car is here', 'time to go', 'come downstairs', 'come to the kitchen', 'the movie is starting',
  'time for school', 'someone is at the door', 'please be quiet', 'food is on the table',
];

export const DEFAULT_VOCABULARIES: Record<string, readonly string[]> = {
  item: SHOPPING_ITEMS,
  search_query: MEDIA_QUERIES,
  timer_name: TIMER_NAMES,
  reminder_text: REMINDER_TEXTS,
  announcement: ANNOUNCEMENTS,
};
