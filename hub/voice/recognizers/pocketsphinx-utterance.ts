/**
 * One pocketsphinx utterance: which search and cepstral mean it starts from, the audio fed as it arrives, and
 * whether it is decoded a second time from its own mean at the endpoint.
 *
 * The cepstral mean is mostly the channel (microphone, room, codec). The en-us model was trained with each
 * utterance normalised by its own mean, so an utterance decoded from a mean far from its own is heard badly.
 * A source that is not known yet, an uploaded recording, or an utterance whose own mean turns out far from its
 * source's (someone else at the satellite, a different room) is therefore decoded again from its own mean. That
 * second result depends on the audio alone: the same recording gives the same answer on any fresh source, and a
 * source's history can only change what a later utterance starts from when that start was close to its own.
 */
import type { ChannelMeans } from './channel-means.js';
import type { EngineUtterance } from './decoder-lock.js';
import type { CmnControl } from './pocketsphinx-cmn.js';
import type { PocketsphinxApi } from './pocketsphinx-library.js';

export interface PocketsphinxUtteranceSetup {
  api: PocketsphinxApi;
  decoder: unknown;
  /** The search to decode with (the command grammar or an open question's), asked once the decoder is free. */
  search(): string;
  cmn: CmnControl | undefined;
  channels: ChannelMeans | undefined;
  /** `seed` mode: every utterance starts from this mean, nothing adapts. */
  seed: readonly number[] | undefined;
  /** The model's own mean (-cmninit): where an utterance with no better start begins. */
  modelMean: readonly number[] | undefined;
  source: string;
  /** The recording is its own channel: decoded from its own mean, nothing learnt from it. */
  standalone: boolean;
  /** Frames of the utterance that are the endpointer's padding, not speech. */
  nonSpeechFrames: number;
  /** How far (Euclidean, cepstral units) an utterance's own mean may be from its source's before it is decoded again. */
  redecodeDistance: number;
  /** The hypothesis as decoded, turned into the result. */
  read(): { text: string; rejected?: boolean; scorePerFrame?: number };
  onFinished(): void;
}

export function pocketsphinxUtterance(setup: PocketsphinxUtteranceSetup): EngineUtterance {
  const { api, decoder, cmn, channels, source } = setup;
  let carry: Buffer | undefined;
  /** The audio kept for a second decode from the utterance's own mean (undefined when it can never be needed). */
  let replay: Int16Array[] | undefined;
  let started: readonly number[] | undefined;
  const process = (samples: Int16Array) => api.processRaw(decoder, samples, samples.length, 0, 0);
  return {
    begin() {
      api.setSearch(decoder, setup.search());
      if (cmn && (channels || setup.standalone)) {
        started = setup.standalone || !channels ? setup.modelMean : channels.meanFor(source);
        // Weight 1: the library's mean at ps_end_utt is then this utterance's own mean.
        if (started) cmn.set(started, 1);
        replay = [];
      } else if (cmn && setup.seed) cmn.set(setup.seed);
      api.startUtt(decoder);
    },
    feed(pcm) {
      const data = carry ? Buffer.concat([carry, pcm]) : pcm;
      const usable = data.length - (data.length % 2);
      carry = usable < data.length ? Buffer.from(data.subarray(usable)) : undefined;
      if (usable === 0) return;
      const aligned = data.byteOffset % 2 === 0 ? data : Buffer.from(data);
      const samples = new Int16Array(aligned.buffer, aligned.byteOffset, usable / 2);
      process(samples);
      replay?.push(samples.slice());
    },
    finish() {
      api.endUtt(decoder);
      if (cmn && replay && started) {
        const frames = cmn.frames() - 1;
        const own = cmn.get();
        const cold = setup.standalone || !channels || channels.isCold(source);
        const far = distance(own, started) > setup.redecodeDistance;
        if (channels && !setup.standalone) channels.adapt(source, own, frames - setup.nonSpeechFrames);
        if (frames > 0 && (cold || far)) {
          cmn.set(own, 1);
          api.startUtt(decoder);
          for (const samples of replay) process(samples);
          api.endUtt(decoder);
        }
      }
      const result = setup.read();
      setup.onFinished();
      return result;
    },
    abort() {
      api.endUtt(decoder);
    },
  };
}

function distance(a: readonly number[], b: readonly number[]): number {
  return Math.sqrt(a.reduce((sum, v, i) => sum + (v - b[i]!) ** 2, 0));
}
