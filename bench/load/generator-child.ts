/**
 * The load generator in its own process, so its CPU and memory are not counted as the broker's.
 * Driven over IPC by bench/load/child-driver.ts: connect → run (→ result) → close.
 */
import { EventStreamProbe } from './event-stream-probe.js';
import { LoadGenerator, type LoadDevice, type LoadPlan } from './generator.js';

export type ChildRequest =
  | { type: 'connect'; url: string; devices: LoadDevice[]; eventsUrl?: string }
  | { type: 'run'; plan: LoadPlan }
  /** What the WebSocket probe saw since the last report. */
  | { type: 'probe-report' }
  | { type: 'close' };

let generator: LoadGenerator | undefined;
let probe: EventStreamProbe | undefined;

const reply = (message: unknown): void => void process.send?.(message);

process.on('message', (request: ChildRequest) => {
  void handle(request).catch((err: unknown) => reply({ type: 'error', message: (err as Error).stack ?? String(err) }));
});

async function handle(request: ChildRequest): Promise<void> {
  switch (request.type) {
    case 'connect': {
      const t0 = performance.now();
      generator ??= new LoadGenerator(request.url);
      await generator.connect(request.devices);
      if (request.eventsUrl && !probe) {
        probe = new EventStreamProbe(request.eventsUrl);
        await probe.open();
      }
      return reply({ type: 'connected', ms: Math.round(performance.now() - t0), connected: generator.connectedCount });
    }
    case 'run': {
      if (!generator) throw new Error('run before connect');
      const result = await generator.run(request.plan);
      return reply({ type: 'result', result });
    }
    case 'probe-report':
      return reply({ type: 'probe', report: probe?.takeReport() });
    case 'close':
      probe?.close();
      await generator?.close();
      reply({ type: 'closed' });
      process.exit(0);
  }
}
