/**
 * Speech to transcript and nothing more: the hub's VAD and a recogniser, no wake phrase required and an
 * understanding step that does nothing, so what is measured is only what the recogniser heard.
 */
import { systemClock } from '../../hub/core/clock.js';
import { silentLogger } from '../../hub/core/logger.js';
import type { VoiceConfig } from '../../hub/voice/config.js';
import { ListeningGate } from '../../hub/voice/listening.js';
import { VoicePipeline } from '../../hub/voice/pipeline.js';
import type { Recognizer } from '../../hub/voice/recognizers/types.js';

export function transcriptPipeline(recognizer: Recognizer, config: Pick<VoiceConfig, 'wakePhrase' | 'vad'>) {
  const gate = new ListeningGate({
    wakePhrase: config.wakePhrase,
    requireWakePhrase: false,
    followUpMs: 0,
    clock: systemClock,
  });
  return new VoicePipeline({
    recognizer,
    understand: async () => ({ reply: '', actions: [] }),
    vad: config.vad,
    gate,
    clock: systemClock,
    log: silentLogger,
  });
}
