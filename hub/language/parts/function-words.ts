/** Grammar words: they join the parts of a request, so they are never "not understood" when left over. */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'my', 'our', 'your', 'his', 'her', 'their', 'this', 'that', 'these', 'those', 'it', 'its', 'them', 'they',
  'of', 'to', 'in', 'at', 'for', 'from', 'with', 'by', 'into', 'onto', 'inside', 'over', 'across', 'around', 'about', 'on', 'off',
  'up', 'down', 'out', 'me', 'us', 'we', 'i', 'you', 'u', 'is', 'are', 'be', 'been', 'was', 'am', 'do', 'does', 'did', 'have', 'has',
  'got', 'get', 'and', 'then', 'some', 'any', 'there', 'can', 'could', 'would', 'will', 'should', 'shall', 'may', 'might', 'must',
  'let', 'make', 'put', 'set', 'bit', 'little', 'tiny', 'lot', 'notch', 'touch', 'way', 'one', 'ones', 'thing', 'things', 'too', 'very',
  'really', 'so', 'quite', 'if', 'or', 'not', 'no', 'what', 'which', 'how', 'still', 'again', 'as', 'want', 'need', 'like', 'going',
  'go', 'just', 'also', 'already', 'more', 'less', 'right', 'yeah', 'yes', 'oh', 'ah', 'well', 'okay', 'ok', 'please', 'now',
  'setting', 'settings', 'level', 'mode', 'amount', 'option', 'bit', 'kind', 'sort', 'help',
]);
