import { describe, expect, it } from 'vitest';
import { until } from '../../../test/harness/until.js';
import { SandboxWatch, WATCH_INTERVAL_MS } from './sandbox-watch.js';

const limits = { processMemoryLimitMb: 100, idleCpuPercent: 50 };

describe('SandboxWatch', () => {
  it('reports a process over its memory limit once, naming the limit', async () => {
    const reasons: string[] = [];
    const watch = new SandboxWatch(limits, (r) => reasons.push(r));
    watch.start({ usage: () => ({ rssBytes: 150 * 1024 * 1024, cpuMs: 0 }), busySince: () => true });
    await until(() => reasons.length > 0, 'the memory violation');
    await new Promise((r) => setTimeout(r, 600));
    expect(reasons).toEqual(['used 150 MB of memory, over its 100 MB limit (skills.processMemoryLimitMb)']);
  });

  it('reports CPU burnt while idle over a second, and never while a call runs', async () => {
    const started = performance.now();
    const cpu = () => performance.now() - started; // a whole core
    const busy: string[] = [];
    const busyWatch = new SandboxWatch(limits, (r) => busy.push(r));
    busyWatch.start({ usage: () => ({ cpuMs: cpu() }), busySince: () => true });
    const idle: string[] = [];
    const idleWatch = new SandboxWatch(limits, (r) => idle.push(r));
    idleWatch.start({ usage: () => ({ cpuMs: cpu() }), busySince: () => false });
    await until(() => idle.length > 0, 'the idle violation');
    busyWatch.stop();
    // Over a window of at least a second: longer when a loaded machine runs the watch's timer late.
    expect(idle[0]).toMatch(/^kept a CPU busy (9\d|10\d) % of the time for ([1-9]|\d\d)\.\d s while handling no call/);
    expect(busy).toEqual([]);
  });

  it('lets a quiet sandbox be', async () => {
    const reasons: string[] = [];
    let looks = 0;
    const watch = new SandboxWatch(limits, (r) => reasons.push(r));
    watch.start({
      usage: () => {
        looks++;
        return { rssBytes: 50 * 1024 * 1024, cpuMs: 10 };
      },
      busySince: () => false,
    });
    // Looked at often enough to judge a whole idle window (and then some), however late the timer runs.
    await until(() => looks >= Math.ceil(1000 / WATCH_INTERVAL_MS) + 3, 'the watch to look at the sandbox');
    watch.stop();
    expect(reasons).toEqual([]);
  });
});
