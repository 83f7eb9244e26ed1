/**
 * Cepstral mean normalisation (CMN) state of a pocketsphinx decoder.
 *
 * In streaming mode (ps_process_raw with full_utt = 0) sphinxbase uses live CMN, and at every
 * ps_end_utt it folds the utterance's mean into the running estimate (cmn_live_update). The next
 * utterance then starts from whatever the previous speaker sounded like, so results depended on
 * the order of utterances. Seeding the mean before each utterance makes every utterance start
 * from the same place.
 *
 * sphinxbase has no accessor for the feature computer's cmn_t, so the start of `struct feat_s`
 * (sphinxbase feat.h, 5prealpha) is declared here and checked against known values before use.
 */
import koffi from 'koffi';

const featHead = koffi.struct('hearth_feat_head', {
  refcount: 'int',
  name: 'char *',
  cepsize: 'int32',
  n_stream: 'int32',
  stream_len: 'void *',
  window_size: 'int32',
  n_sv: 'int32',
  sv_len: 'void *',
  subvecs: 'void *',
  sv_buf: 'void *',
  sv_dim: 'int32',
  cmn: 'int',
  varnorm: 'int32',
  agc: 'int',
  compute_feat: 'void *',
  cmn_struct: 'void *',
});

const cmnHead = koffi.struct('hearth_cmn_head', {
  cmn_mean: 'void *',
  cmn_var: 'void *',
  sum: 'void *',
  nframe: 'int32',
  veclen: 'int32',
});

export interface CmnControl {
  /** Number of cepstral coefficients (13 for the en-us model). */
  readonly size: number;
  get(): number[];
  /**
   * Sets the mean the next frames are normalised with. `weight` is how many frames the library
   * counts it as when it folds new speech in at ps_end_utt (its own cmn_live_set counts 500).
   */
  set(mean: readonly number[], weight?: number): void;
  /** Frames in the running estimate: the weight set plus the speech frames seen since. */
  frames(): number;
}

/**
 * Finds the decoder's CMN state; undefined when the layout does not look like the one expected
 * (another sphinxbase build), in which case the caller keeps the library's own behaviour.
 */
export function cmnControl(
  sphinxbase: koffi.IKoffiLib,
  getFeat: (decoder: unknown) => unknown,
  decoder: unknown,
): CmnControl | undefined {
  const feat = getFeat(decoder);
  if (!feat) return undefined;
  const head = koffi.decode(feat, featHead) as {
    refcount: number;
    cepsize: number;
    cmn_struct: unknown;
    sv_dim: number;
  };
  if (head.refcount < 1 || head.cepsize < 1 || head.cepsize > 40 || !head.cmn_struct) return undefined;
  const cmn = koffi.decode(head.cmn_struct, cmnHead) as { veclen: number };
  if (cmn.veclen !== head.cepsize) return undefined;
  const size = head.cepsize;
  const liveGet = sphinxbase.func('void cmn_live_get(void *, _Out_ float *)');
  const liveSet = sphinxbase.func('void cmn_live_set(void *, const float *)');
  const nframeAt = koffi.offsetof(cmnHead, 'nframe');
  const vector = koffi.array('float', size);
  return {
    size,
    get() {
      const out = new Float32Array(size);
      liveGet(head.cmn_struct, out);
      return [...out];
    },
    set(mean, weight) {
      if (mean.length !== size) throw new RangeError(`CMN seed needs ${size} values, got ${mean.length}`);
      liveSet(head.cmn_struct, Float32Array.from(mean));
      if (weight === undefined) return;
      // cmn_live_set has no weight parameter: the running sum and its frame count are set directly.
      const { sum } = koffi.decode(head.cmn_struct, cmnHead) as { sum: unknown };
      koffi.encode(
        sum,
        vector,
        mean.map((v) => v * weight),
      );
      koffi.encode(head.cmn_struct, nframeAt, 'int32', weight);
    },
    frames() {
      return (koffi.decode(head.cmn_struct, cmnHead) as { nframe: number }).nframe;
    },
  };
}
