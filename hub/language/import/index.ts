/** Home Assistant custom sentence import. */
export { convertHaSentences, type ConvertedSentences, type ImportProblem, type KnownNames } from './convert.js';
export { importHaSentenceFile, importHaSentences, loadCustomSentences, type ImportedSentences } from './load.js';
export { haSentenceFileSchema, type HaSentenceFile } from './schema.js';
