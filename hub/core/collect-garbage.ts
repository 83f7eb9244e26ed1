/**
 * A full V8 collection on demand, for the moment the hub goes quiet after a burst of work (voice commands
 * leave megabytes of audio buffers and decoder results behind). V8's own memory reducer gets there 10–15 s
 * later; on a Pi-class device the resident memory in between counts (bench/voice-latency.ts: at rest after
 * 60 commands). `gc` is exposed for this one function only, not as a global.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | undefined;

export function collectGarbage(): void {
  if (!collect) {
    const exposed = (globalThis as { gc?: () => void }).gc;
    if (exposed) collect = exposed;
    else {
      setFlagsFromString('--expose-gc');
      collect = runInNewContext('gc') as () => void;
      setFlagsFromString('--no-expose-gc');
    }
  }
  collect();
}
