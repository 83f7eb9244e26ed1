/** The part of libpocketsphinx / libsphinxbase (5prealpha C API) the recogniser calls, through koffi. */
import koffi from 'koffi';
import { HubError } from '../../sdk/errors.js';

export interface PocketsphinxLibraryPaths {
  library: string;
  sphinxbaseLibrary: string;
}

export const POCKETSPHINX_INSTALL_HINT =
  'install it with "apt install pocketsphinx pocketsphinx-en-us" (Debian/Raspberry Pi OS)';

/** pocketsphinx.h, cmd_ln.h. */
export function bindPocketsphinx(options: PocketsphinxLibraryPaths) {
  let base: koffi.IKoffiLib;
  let ps: koffi.IKoffiLib;
  try {
    base = koffi.load(options.sphinxbaseLibrary);
    ps = koffi.load(options.library);
  } catch (err) {
    throw new HubError(
      'RECOGNIZER_UNAVAILABLE',
      `pocketsphinx library not found (${options.library}, ${options.sphinxbaseLibrary}): ${(err as Error).message}; ${POCKETSPHINX_INSTALL_HINT}`,
    );
  }
  return {
    cmdLnInit: base.func('void *cmd_ln_init(void *, void *, int, ...)'),
    cmdLnFree: base.func('int cmd_ln_free_r(void *)'),
    cmdLnFloat: base.func('double cmd_ln_float_r(void *, const char *)'),
    cmdLnInt: base.func('long cmd_ln_int_r(void *, const char *)'),
    psArgs: ps.func('void *ps_args()'),
    psInit: ps.func('void *ps_init(void *)'),
    psFree: ps.func('int ps_free(void *)'),
    getFeat: ps.func('void *ps_get_feat(void *)'),
    getFe: ps.func('void *ps_get_fe(void *)'),
    sphinxbase: base,
    setJsgf: ps.func('int ps_set_jsgf_string(void *, const char *, const char *)'),
    setSearch: ps.func('int ps_set_search(void *, const char *)'),
    setLmFile: ps.func('int ps_set_lm_file(void *, const char *, const char *)'),
    setKws: ps.func('int ps_set_kws(void *, const char *, const char *)'),
    getConfig: ps.func('void *ps_get_config(void *)'),
    cmdLnSetFloat: base.func('void cmd_ln_set_float_r(void *, const char *, double)'),
    cmdLnSetInt: base.func('void cmd_ln_set_int_r(void *, const char *, long)'),
    lookupWord: ps.func('const char *ps_lookup_word(void *, const char *)'),
    addWord: ps.func('int ps_add_word(void *, const char *, const char *, int)'),
    startUtt: ps.func('int ps_start_utt(void *)'),
    processRaw: ps.func('int ps_process_raw(void *, const int16_t *, size_t, int, int)'),
    endUtt: ps.func('int ps_end_utt(void *)'),
    getHyp: ps.func('const char *ps_get_hyp(void *, _Out_ int32_t *)'),
    getNFrames: ps.func('int ps_get_n_frames(void *)'),
    segIter: ps.func('void *ps_seg_iter(void *)'),
    segNext: ps.func('void *ps_seg_next(void *)'),
    segWord: ps.func('const char *ps_seg_word(void *)'),
    segFrames: ps.func('void ps_seg_frames(void *, _Out_ int *, _Out_ int *)'),
    segProb: ps.func('int32_t ps_seg_prob(void *, _Out_ int32_t *, _Out_ int32_t *, _Out_ int32_t *)'),
    releaseFreedMemory: glibcTrim(),
  };
}

/** Runs a (non-variadic) library call on one of koffi's worker threads. */
export function offThread<T>(fn: koffi.KoffiFunction, ...args: unknown[]): Promise<T> {
  return new Promise((resolve, reject) =>
    fn.async(...args, (err: unknown, result: T) => (err ? reject(err) : resolve(result))),
  );
}

/**
 * glibc keeps freed heap pages (a replaced FSG is tens of MB in many small blocks) unless asked
 * to give them back; elsewhere (musl) this does nothing.
 */
function glibcTrim(): () => void {
  try {
    const trim = koffi.load('libc.so.6').func('int malloc_trim(size_t)');
    return () => void trim(0);
  } catch {
    return () => {};
  }
}

export type PocketsphinxApi = ReturnType<typeof bindPocketsphinx>;

/**
 * The acoustic part of the last hypothesis' path score (the sum of its segments' acoustic scores, fillers and
 * silence included): how well the sounds fit, without what the grammar's branching costs. Two grammars of very
 * different size can be compared on it; their path scores cannot.
 */
export function acousticScore(api: PocketsphinxApi, decoder: unknown): number | undefined {
  let seg = api.segIter(decoder);
  if (!seg) return undefined;
  let sum = 0;
  const ascr = [0],
    lscr = [0],
    lback = [0];
  while (seg) {
    api.segProb(seg, ascr, lscr, lback);
    sum += ascr[0]!;
    seg = api.segNext(seg);
  }
  return sum;
}

/** One word (or filler, or silence) of the last hypothesis: frames [start, end] and its acoustic score. */
export interface Segment {
  word: string;
  start: number;
  end: number;
  acoustic: number;
}

/** The last hypothesis' segments in order. */
export function segments(api: PocketsphinxApi, decoder: unknown): Segment[] {
  const out: Segment[] = [];
  const ascr = [0],
    lscr = [0],
    lback = [0],
    start = [0],
    end = [0];
  for (let seg = api.segIter(decoder); seg; seg = api.segNext(seg)) {
    api.segProb(seg, ascr, lscr, lback);
    api.segFrames(seg, start, end);
    out.push({ word: api.segWord(seg) as string, start: start[0]!, end: end[0]!, acoustic: ascr[0]! });
  }
  return out;
}
