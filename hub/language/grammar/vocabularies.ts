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

export const DEFAULT_VOCABULARIES: Record<string, readonly string[]> = {
  item: SHOPPING_ITEMS,
  search_query: MEDIA_QUERIES,
  timer_name: TIMER_NAMES,
};
