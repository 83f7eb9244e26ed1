/**
 * The free-phone pass (what the words' fit is measured against, pocketsphinx-fit.ts) in a decoder of its own, fed
 * the utterance's audio while the person speaks, so its ~0.1 s of CPU per command is not spent after the endpoint.
 *
 * It starts from the cepstral mean and the noise estimate the command pass starts from (both set at its start), so
 * it hears the audio as that pass does. An utterance decoded again from its own mean (a cold source) runs its phone
 * pass over the kept audio afterwards. Costs a second copy of the acoustic model (~10 MB RSS).
 */
import type { CmnControl } from './pocketsphinx-cmn.js';
import { segments, type PocketsphinxApi, type Segment } from './pocketsphinx-library.js';
import type { NoiseControl, NoiseState } from './pocketsphinx-noise.js';

export interface PhonePassDecoder {
  api: PocketsphinxApi;
  decoder: unknown;
  cmn: CmnControl;
  noise: NoiseControl;
}

/** One utterance's free-phone pass, fed as it arrives. */
export class LivePhonePass {
  private running = false;

  constructor(private readonly pass: PhonePassDecoder) {}

  /**
   * Starts the pass from the cepstral mean `mean` (weight 1, as the command decoder's passes start) and the noise
   * estimate `noise` (undefined: a new one from the first frames).
   */
  begin(mean: readonly number[], noise: NoiseState | undefined): void {
    const { api, decoder, cmn } = this.pass;
    cmn.set(mean, 1);
    this.pass.noise.set(noise);
    api.startUtt(decoder);
    this.running = true;
  }

  feed(samples: Int16Array): void {
    if (this.running) this.pass.api.processRaw(this.pass.decoder, samples, samples.length, 0, 0);
  }

  /** Ends the pass; its segments (empty when it never began or heard nothing). */
  finish(): Segment[] {
    if (!this.running) return [];
    this.running = false;
    const { api, decoder } = this.pass;
    api.endUtt(decoder);
    const out = [0];
    return api.getHyp(decoder, out) ? segments(api, decoder) : [];
  }

  abort(): void {
    if (!this.running) return;
    this.running = false;
    this.pass.api.endUtt(this.pass.decoder);
  }
}
