/**
 * The hub's commerce half as its own process, for the crash test: a real SQLite file, the
 * outbox worker and the commerce API on a random port. Prints `READY <port>` when serving.
 * Usage: crash-test-child.ts <db file> <marketplace url>
 */
import Fastify from 'fastify';
import { systemClock } from '../hub/core/clock.js';
import { EventBus } from '../hub/core/event-bus.js';
import type { HubEvents } from '../hub/core/events.js';
import { createLogger } from '../hub/core/logger.js';
import { openDatabase } from '../hub/store/database.js';
import { commerceConfigSchema } from '../hub/commerce/config.js';
import { CommerceService } from '../hub/commerce/service.js';
import { installErrorHandling } from '../hub/api/errors.js';
import { RouteCatalog } from '../hub/api/openapi.js';
import { commerceRoutes } from '../hub/api/routes/commerce.js';

export const CRASH_BUTTONS = 20;
export const CRASH_RULES = 20;

const [dbFile, marketplaceUrl] = process.argv.slice(2);
if (!dbFile || !marketplaceUrl) {
  process.stderr.write('usage: crash-test-child.ts <db file> <marketplace url>\n');
  process.exit(2);
}
const log = createLogger('error');
const db = openDatabase(dbFile);
const bus = new EventBus<HubEvents>(log);
const config = commerceConfigSchema.parse({
  users: [{ id: 'alex', name: 'Alex', role: 'adult' }],
  defaultUser: 'alex',
  limits: { perOrderCents: 1_000_000, perMonthCents: 100_000_000 },
  sync: { requestTimeoutMs: 800, pollIntervalMs: 300, backoffBaseMs: 20, backoffMaxMs: 400 },
  // Dedupe off: every accepted press must become exactly one order.
  buttonDedupe: { untilShipped: false, windowMs: 0 },
  buttons: Array.from({ length: CRASH_BUTTONS }, (_, i) => ({ id: `b${i}`, sku: 'COF-POD-30' })),
  replenishment: Array.from({ length: CRASH_RULES }, (_, i) => ({
    id: `r${i}`,
    deviceId: `washer${i}`,
    consumable: 'detergent',
    belowPercent: 20,
    sku: 'LAU-LIQ-3L',
    mode: 'auto',
  })),
});
const service = new CommerceService({ db, bus, log, clock: systemClock, marketplaceUrl, config });
await service.start();
if (service.catalog().length === 0) {
  for (;;) {
    try {
      await service.syncCatalog();
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}
const app = Fastify({ logger: false });
installErrorHandling(app, log);
await app.register(commerceRoutes.bind({ commerce: service }), { prefix: '/api/v1', routes: new RouteCatalog() });
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
process.stdout.write(`READY ${typeof address === 'object' && address ? address.port : 0}\n`);
