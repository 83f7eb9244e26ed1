/**
 * What the kernel can tell and enforce about a skill's child process beyond Node's own flags: its whole memory
 * (--max-old-space-size covers only the V8 heap; `Buffer.alloc(2 GB)` held a skill at 2.1 GB) and the CPU it
 * uses. Linux only; elsewhere both return nothing and the sandbox has the heap limit and the call timeout alone.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** getrlimit(2) resource number of RLIMIT_DATA on Linux (x86_64 and arm64 alike). */
const RLIMIT_DATA = 2;

type Prlimit = (pid: number, resource: number, limit: { rlim_cur: bigint; rlim_max: bigint }, old: null) => number;
let prlimit: Prlimit | null | undefined;

/**
 * Caps the child's data segment (RLIMIT_DATA: its heap, anonymous mappings, ArrayBuffers): an allocation past it
 * fails inside the skill ("Array buffer allocation failed") instead of growing the process. Set from the hub with
 * prlimit(2) right after the fork, before the skill's module is loaded. False where it cannot be set.
 */
export function limitDataSegment(pid: number, bytes: number): boolean {
  if (process.platform !== 'linux') return false;
  if (prlimit === undefined) {
    try {
      // koffi, as in hub/mqtt/malloc-tuning.ts: loaded on first use only.
      const koffi = createRequire(import.meta.url)('koffi') as typeof import('koffi');
      koffi.struct('hearth_rlimit', { rlim_cur: 'uint64', rlim_max: 'uint64' });
      prlimit = koffi
        .load('libc.so.6')
        .func(
          'int prlimit(int pid, int resource, const hearth_rlimit *new_limit, hearth_rlimit *old_limit)',
        ) as unknown as Prlimit;
    } catch {
      prlimit = null;
    }
  }
  if (!prlimit) return false;
  const limit = BigInt(Math.floor(bytes));
  return prlimit(pid, RLIMIT_DATA, { rlim_cur: limit, rlim_max: limit }, null) === 0;
}

export interface ProcessUsage {
  /** Resident set size: every page of the process in RAM, not only V8's heap. */
  rssBytes: number;
  /** User + system CPU time since the process started. */
  cpuMs: number;
  /**
   * Time its main thread ran or was ready to run but waited for a CPU (/proc/<pid>/schedstat): what it wanted. On
   * a loaded machine a busy loop gets a fraction of a core but still wants all of it; an idle one wants none.
   */
  demandMs?: number;
}

const PAGE_BYTES = 4096;
/** USER_HZ: the unit of utime/stime in /proc/<pid>/stat (100 on every Linux the hub runs on). */
const CLOCK_TICKS_PER_SECOND = 100;

/** RSS and CPU time of a process from /proc, or undefined (not Linux, or the process is gone). */
export function readProcessUsage(pid: number): ProcessUsage | undefined {
  try {
    const statm = readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ');
    // The command name in /proc/<pid>/stat may hold spaces and parentheses: fields are counted after its last ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of proc(5))
    const usage: ProcessUsage = {
      rssBytes: Number(statm[1]) * PAGE_BYTES,
      cpuMs: (ticks * 1000) / CLOCK_TICKS_PER_SECOND,
    };
    const demand = schedulerDemandMs(pid);
    if (demand !== undefined) usage.demandMs = demand;
    return usage;
  } catch {
    return undefined;
  }
}

/** On-CPU plus run-queue time of the process's main thread in ms (kernels built without schedstats have none). */
function schedulerDemandMs(pid: number): number | undefined {
  try {
    const [onCpuNs, waitingNs] = readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ').map(Number);
    return Number.isFinite(onCpuNs) && Number.isFinite(waitingNs) ? (onCpuNs! + waitingNs!) / 1e6 : undefined;
  } catch {
    return undefined;
  }
}
