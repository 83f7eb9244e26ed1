/** Home Assistant custom sentence import. */
export { loadCustomSentences } from './load.js';
