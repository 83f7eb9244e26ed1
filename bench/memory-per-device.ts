/**
 * Memory per connected device: devices connect in steps (the generator is another process), RSS is read
 * after a GC and a pause at each step, and a least-squares line through the steps gives the bytes per
 * device — one-time growth (first scrypt verifications, JIT) falls into the intercept, not the slope.
 * Hub: registry entry + credential + authenticated connection with its last will + retained state.
 * Run: node --expose-gc --import tsx bench/memory-per-device.ts   (writes bench/results/memory-per-device.json)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { GeneratorProcess } from './load/child-driver.js';
import { rssBytes } from './load/measure.js';
import { startAedesTarget, startHubTarget, startMosquittoTarget, type Target } from './load/targets.js';

const DEVICES = Number(process.env.MEMORY_DEVICES ?? 1000);
const STEPS = 5;

function slope(points: { x: number; y: number }[]): number {
  const n = points.length;
  const mx = points.reduce((a, p) => a + p.x, 0) / n;
  const my = points.reduce((a, p) => a + p.y, 0) / n;
  const sxy = points.reduce((a, p) => a + (p.x - mx) * (p.y - my), 0);
  const sxx = points.reduce((a, p) => a + (p.x - mx) ** 2, 0);
  return sxx ? sxy / sxx : NaN;
}

async function measure(name: Target['name']) {
  const target =
    name === 'hub'
      ? await startHubTarget(DEVICES)
      : name === 'aedes'
        ? await startAedesTarget(DEVICES)
        : await startMosquittoTarget(DEVICES);
  const generator = new GeneratorProcess();
  const points: { x: number; y: number }[] = [];
  const heap: { x: number; y: number }[] = [];
  // Let setup garbage (credential hashing, device registration) be collected before the first point.
  for (let i = 0; i < 3; i++) {
    await new Promise((r) => setTimeout(r, 1000));
    rssBytes();
  }
  try {
    const per = Math.ceil(DEVICES / STEPS);
    for (let step = 0; step < STEPS; step++) {
      const batch = target.devices.slice(step * per, (step + 1) * per);
      await generator.connect(target.url, batch);
      // One retained state per new device, as a real device announces itself.
      await generator.run({ mode: 'rate', ratePerSec: Math.min(5000, batch.length * 10), durationMs: 1000 });
      await new Promise((r) => setTimeout(r, 1500));
      points.push({ x: Math.min(DEVICES, (step + 1) * per), y: rssBytes(target.pid) });
      const { heapUsed, external } = process.memoryUsage();
      heap.push({ x: Math.min(DEVICES, (step + 1) * per), y: heapUsed + external });
    }
  } finally {
    await generator.close();
    await target.stop();
  }
  return {
    target: name,
    rssMbAtSteps: points.map((p) => ({ devices: p.x, rssMb: Math.round(p.y / 1048576) })),
    kbPerDevice: Math.round((slope(points) / 1024) * 10) / 10,
    // In-process targets only: V8 heap + external per device (less noisy than RSS, but misses native memory).
    ...(name === 'mosquitto' ? {} : { heapKbPerDevice: Math.round((slope(heap) / 1024) * 10) / 10 }),
  };
}

const results = {
  at: new Date().toISOString(),
  machine: { cpus: cpus().length, node: process.version },
  devices: DEVICES,
  targets: [await measure('hub'), await measure('aedes'), await measure('mosquitto')],
};
console.table(
  results.targets.map((t) => ({
    target: t.target,
    'KB per device': t.kbPerDevice,
    'heap KB/device': 'heapKbPerDevice' in t ? t.heapKbPerDevice : '-',
    steps: t.rssMbAtSteps.map((s) => `${s.devices}:${s.rssMb}MB`).join(' '),
  })),
);
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(new URL('./results/memory-per-device.json', import.meta.url), JSON.stringify(results, null, 2) + '\n');
