/**
 * Times the pocketsphinx library calls a recogniser makes, by stage: decoding while the audio arrives, and after the
 * endpoint the first pass's flush (ps_end_utt), a second pass over the kept audio (decoded again from its own mean:
 * an upload, a source's first utterances), and reading the hypothesis and its scores.
 */
import type { PocketsphinxApi } from '../../hub/voice/recognizers/pocketsphinx-library.js';
import type { PocketsphinxRecognizer } from '../../hub/voice/recognizers/pocketsphinx.js';

/** Wall time of each stage; `cpu` the same stages in this process's CPU time (what load on the machine does not add). */
export interface StageTimes {
  /** ps_process_raw while the audio arrives (before the endpoint). */
  duringSpeechMs: number;
  /** The costliest single chunk while the audio arrives: above the chunk's length, decoding falls behind. */
  worstChunkMs: number;
  /** After the endpoint: the first pass's ps_end_utt. */
  flushMs: number;
  /** After the endpoint: every further pass (start, the kept audio again, end). */
  secondPassMs: number;
  /** After the endpoint: hypothesis, frame count and segment scores. */
  readMs: number;
  cpu: { duringSpeechMs: number; flushMs: number; secondPassMs: number };
}

type Call = 'processRaw' | 'startUtt' | 'endUtt' | 'read';
const READ_CALLS = ['getHyp', 'getNFrames', 'segIter', 'segNext', 'segProb'] as const;

/** Wraps the recogniser's bound library (a private field: the bench looks inside on purpose). */
export function timeLibrary(recognizer: PocketsphinxRecognizer) {
  const api = (recognizer as unknown as { api: PocketsphinxApi }).api;
  let onCall: (call: Call, ms: number, cpuMs: number) => void = () => {};
  const wrap = (key: keyof PocketsphinxApi, call: Call) => {
    const original = api[key] as unknown as (...args: unknown[]) => unknown;
    (api as unknown as Record<string, unknown>)[key] = (...args: unknown[]) => {
      const t0 = performance.now();
      const cpu0 = process.cpuUsage();
      try {
        return original(...args);
      } finally {
        const cpu = process.cpuUsage(cpu0);
        onCall(call, performance.now() - t0, (cpu.user + cpu.system) / 1000);
      }
    };
  };
  wrap('processRaw', 'processRaw');
  wrap('startUtt', 'startUtt');
  wrap('endUtt', 'endUtt');
  for (const key of READ_CALLS) wrap(key, 'read');

  return {
    /** Starts a fresh record; call `afterEndpoint()` when the utterance is ended. */
    begin(): { afterEndpoint(): void; times(): StageTimes } {
      const times: StageTimes = {
        duringSpeechMs: 0,
        worstChunkMs: 0,
        flushMs: 0,
        secondPassMs: 0,
        readMs: 0,
        cpu: { duringSpeechMs: 0, flushMs: 0, secondPassMs: 0 },
      };
      let ended = false;
      let flushed = false;
      onCall = (call, ms, cpuMs) => {
        if (!ended) {
          if (call === 'processRaw') {
            times.duringSpeechMs += ms;
            times.cpu.duringSpeechMs += cpuMs;
            times.worstChunkMs = Math.max(times.worstChunkMs, ms);
          }
          return;
        }
        if (call === 'read') times.readMs += ms;
        else if (!flushed && call === 'endUtt') {
          times.flushMs += ms;
          times.cpu.flushMs += cpuMs;
          flushed = true;
        } else {
          times.secondPassMs += ms;
          times.cpu.secondPassMs += cpuMs;
        }
      };
      return {
        afterEndpoint: () => {
          ended = true;
        },
        times: () => times,
      };
    },
  };
}
