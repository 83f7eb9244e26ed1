/** Grammar export for the recognisers: JSGF (pocketsphinx), phrase lists (Vosk), regeneration. */
export { CMUDICT_PATH, loadCmuDictionary, parseCmuDictionary, wordSet, type PronouncingDictionary, type WordDictionary } from './dictionary.js';
export { exportGrammar, type ExportedGrammar, type GrammarExportOptions, type GrammarSource, type GrammarTemplate, type NameScope, deviceNameScopes } from './export.js';
export { GrammarService, type GrammarListener, type GrammarServiceDeps, type GrammarServiceOptions, type VersionedGrammar } from './grammar-service.js';
export { DEFAULT_VOCABULARIES, MEDIA_QUERIES, SHOPPING_ITEMS, TIMER_NAMES } from './vocabularies.js';
export { spellDigits } from './lexicon.js';
