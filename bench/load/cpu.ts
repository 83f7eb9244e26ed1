/** CPU time of a process (user + system, ms): this one from process.cpuUsage(), another from /proc/<pid>/stat. */
import { readFileSync } from 'node:fs';

/** Linux reports /proc times in clock ticks; 100 per second on every mainstream kernel config. */
const TICKS_PER_SECOND = 100;

export function cpuMs(pid?: number): number {
  if (pid === undefined) {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  }
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Field 2 (comm) may contain spaces; the fields after its closing parenthesis are fixed: utime is 14, stime 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

export interface CpuReading {
  /** CPU ms each process used since the meter started. */
  cpuMs: Record<string, number>;
  /** The same as % of one core over the wall time. */
  percent: Record<string, number>;
}

/** Starts measuring the named processes (undefined = this process); the returned function reads the totals. */
export function cpuMeter(processes: Record<string, number | undefined>): () => CpuReading {
  const t0 = performance.now();
  const before = Object.fromEntries(Object.entries(processes).map(([name, pid]) => [name, cpuMs(pid)]));
  return () => {
    const wallMs = performance.now() - t0;
    const used = Object.fromEntries(Object.entries(processes).map(([name, pid]) => [name, cpuMs(pid) - before[name]!]));
    return {
      cpuMs: used,
      percent: Object.fromEntries(
        Object.entries(used).map(([name, ms]) => [name, Math.round((ms / wallMs) * 1000) / 10]),
      ),
    };
  };
}
