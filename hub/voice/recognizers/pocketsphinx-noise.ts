/**
 * The noise estimate of a pocketsphinx decoder's front end (sphinxbase fe_noise.c, `-remove_noise` and the frame
 * dropping of `-remove_silence`).
 *
 * sphinxbase carries it from one utterance to the next across every source, so a recording decoded after other
 * speech was heard differently from the same recording decoded first (issue 19 item 5). Resetting it
 * (ps_start_stream) makes the first frames of each pass define it, which costs accuracy on clips that start in
 * digital silence. With `noiseSeed` every pass starts from one fixed estimate (pocketsphinx-noise-seed.ts); the
 * free-phone pass in its own decoder starts from the command pass's (pocketsphinx-phone-pass.ts).
 *
 * sphinxbase has no accessor for it: the layout below was read off libsphinxbase 5prealpha (fe_start_stream loads
 * `noise_stats` at offset 0x60 of fe_t; fe_init_noisestats allocates four arrays of num_filters doubles, sets
 * `undefined` at 0x20 and num_filters at 0x24; fe_track_snr keeps the slow peak sum at 0x28). It is checked
 * against the model's filter count before use; undefined: another layout, the library's own behaviour stays.
 */
import koffi from 'koffi';

const FE_NOISE_STATS_OFFSET = 0x60;

const noiseHead = koffi.struct('hearth_noise_stats_head', {
  power: 'void *',
  noise: 'void *',
  floor: 'void *',
  peak: 'void *',
  undefined: 'uint8',
  num_filters: 'uint32',
  slow_peak_sum: 'double',
});

/** What the front end knows about the noise between two frames. */
export interface NoiseState {
  /** Smoothed power per mel filter. */
  power: readonly number[];
  /** Noise estimate per filter. */
  noise: readonly number[];
  /** Signal floor per filter. */
  floor: readonly number[];
  /** Peak per filter (temporal masking). */
  peak: readonly number[];
  /** Slow-moving log power of the loudest speech lately: frames far below it count as silence. */
  slowPeakSum: number;
}

export interface NoiseControl {
  readonly filters: number;
  /** The estimate now; undefined before any frame was processed (or after a reset). */
  get(): NoiseState | undefined;
  /** The next frame continues from `state`; undefined: the next frame starts a new estimate (as ps_start_stream). */
  set(state: NoiseState | undefined): void;
}

/** Finds the decoder's noise estimate; undefined when the layout does not look like the one expected. */
export function noiseControl(fe: unknown, filters: number): NoiseControl | undefined {
  if (!fe || !(filters > 0 && filters <= 128)) return undefined;
  const stats = koffi.decode(fe, FE_NOISE_STATS_OFFSET, 'void *') as unknown;
  if (!stats) return undefined;
  const head = () =>
    koffi.decode(stats, noiseHead) as {
      power: unknown;
      noise: unknown;
      floor: unknown;
      peak: unknown;
      undefined: number;
      num_filters: number;
      slow_peak_sum: number;
    };
  const first = head();
  if (first.num_filters !== filters || first.undefined > 1) return undefined;
  if (!first.power || !first.noise || !first.floor || !first.peak) return undefined;
  const vector = koffi.array('double', filters, 'Array');
  const read = (ptr: unknown) => [...(koffi.decode(ptr, vector) as number[])];
  const write = (ptr: unknown, values: readonly number[]) => {
    if (values.length !== filters) throw new RangeError(`noise state needs ${filters} values, got ${values.length}`);
    koffi.encode(ptr, vector, [...values]);
  };
  return {
    filters,
    get() {
      const h = head();
      if (h.undefined) return undefined;
      return {
        power: read(h.power),
        noise: read(h.noise),
        floor: read(h.floor),
        peak: read(h.peak),
        slowPeakSum: h.slow_peak_sum,
      };
    },
    set(state) {
      if (!state) {
        koffi.encode(stats, koffi.offsetof(noiseHead, 'undefined'), 'uint8', 1);
        return;
      }
      const h = head();
      write(h.power, state.power);
      write(h.noise, state.noise);
      write(h.floor, state.floor);
      write(h.peak, state.peak);
      koffi.encode(stats, koffi.offsetof(noiseHead, 'slow_peak_sum'), 'double', state.slowPeakSum);
      koffi.encode(stats, koffi.offsetof(noiseHead, 'undefined'), 'uint8', 0);
    },
  };
}
