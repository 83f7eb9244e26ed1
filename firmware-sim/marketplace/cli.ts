import { parseArgs } from 'node:util';
import { MarketplaceSimulator } from './server.js';

/**
 * `hearth-sim marketplace --port N [--ship-after ms] [--deliver-after ms] [--error-rate 0.2] [--down]`.
 * Resolves with the running simulator; it stops on SIGINT/SIGTERM.
 */
export async function runMarketplace(argv: string[]): Promise<MarketplaceSimulator> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', default: '0' },
      host: { type: 'string', default: '127.0.0.1' },
      'ship-after': { type: 'string' },
      'deliver-after': { type: 'string' },
      'error-rate': { type: 'string' },
      'slow-ms': { type: 'string' },
      'duplicate-events': { type: 'boolean', default: false },
      down: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const num = (name: string, value: string | undefined): number | undefined => {
    if (value === undefined) return undefined;
    const n = Number(value);
    if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a non-negative number, got "${value}"`);
    return n;
  };
  const times: { shipAfterMs?: number; deliverAfterMs?: number } = {};
  const ship = num('ship-after', values['ship-after']);
  const deliver = num('deliver-after', values['deliver-after']);
  if (ship !== undefined) times.shipAfterMs = ship;
  if (deliver !== undefined) times.deliverAfterMs = deliver;
  const sim = new MarketplaceSimulator({
    host: values.host,
    port: num('port', values.port) ?? 0,
    times,
    faults: {
      down: values.down,
      duplicateEvents: values['duplicate-events'],
      errorRate: num('error-rate', values['error-rate']) ?? 0,
      slowMs: num('slow-ms', values['slow-ms']) ?? 0,
    },
  });
  await sim.start();
  process.stdout.write(`marketplace simulator listening on ${sim.url}\n`);
  const shutdown = () => void sim.stop().then(() => process.exit(0));
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  return sim;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runMarketplace(process.argv.slice(2)).catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
