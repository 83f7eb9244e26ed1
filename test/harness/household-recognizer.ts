import { silentLogger } from '../../hub/core/logger.js';
import type { VoiceConfig } from '../../hub/voice/config.js';
import { PocketsphinxRecognizer } from '../../hub/voice/recognizers/pocketsphinx.js';

/**
 * A pocketsphinx recogniser for the hand-written HOUSEHOLD_JSGF (test/harness/speech.ts): that small grammar decodes
 * best with wide beams (cheap here); the hub's defaults are tuned for the full exported grammar.
 */
export const householdGrammarRecognizer = (pocketsphinx: VoiceConfig['pocketsphinx']) =>
  new PocketsphinxRecognizer({
    ...pocketsphinx,
    args: { '-beam': '1e-60', '-wbeam': '1e-40', '-pbeam': '1e-60' },
    log: silentLogger,
  });
