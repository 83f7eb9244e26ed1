/** What a bench's results say about the machine they were measured on. */
import { cpus, loadavg } from 'node:os';

/** The 1, 5 and 15 minute load averages now, to one decimal. */
export function loadNow(): number[] {
  return loadavg().map((l) => Math.round(l * 10) / 10);
}

/** Cores, CPU model and Node version, with the load taken before the run (`loadNow()` then) and the load now. */
export function machine(loadBefore: readonly number[]) {
  return { cpus: cpus().length, model: cpus()[0]?.model, node: process.version, loadBefore, loadAfter: loadNow() };
}
