/**
 * Debian's mosquitto for the fan-in comparison (test/harness/mosquitto.ts, loopback only), with no connection cap and,
 * when asked, the per-client queue limits lifted (defaults: max_queued_messages 1000, max_inflight_messages 20), which
 * otherwise drop QoS 1 messages to a receiver that lags for a moment; BENCHMARKS.md reports the drops with the defaults.
 */
import { startMosquitto, type MosquittoInstance } from '../../test/harness/mosquitto.js';

export function startBenchMosquitto(options: { unlimitedQueues: boolean }): Promise<MosquittoInstance> {
  const config = ['max_connections -1'];
  if (options.unlimitedQueues) config.push('max_queued_messages 0', 'max_inflight_messages 0');
  return startMosquitto({ config });
}
