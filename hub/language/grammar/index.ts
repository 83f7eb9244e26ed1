/** Grammar export for the recognisers: JSGF (pocketsphinx), phrase lists (Vosk), regeneration. */
export { loadCmuDictionary } from './dictionary.js';
export { exportGrammar, type ExportedGrammar, type GrammarSource } from './export.js';
export { DEFAULT_VOCABULARIES } from './vocabularies.js';
