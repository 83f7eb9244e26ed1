import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { ManualClock } from '../../hub/core/clock.js';
import { EventBus } from '../../hub/core/event-bus.js';
import type { HubEvents } from '../../hub/core/events.js';
import { createLogger } from '../../hub/core/logger.js';
import { openDatabase, type Db } from '../../hub/store/database.js';
import { commerceConfigSchema, type CommerceConfigInput } from '../../hub/commerce/config.js';
import { CommerceService, type CommerceServiceDeps } from '../../hub/commerce/service.js';
import { MarketplaceSimulator, type MarketplaceOptions } from '../../firmware-sim/marketplace/server.js';

export const HOUSEHOLD: CommerceConfigInput = {
  users: [
    { id: 'alex', name: 'Alex', role: 'adult' },
    { id: 'mia', name: 'Mia', role: 'child' },
  ],
  defaultUser: 'alex',
  timeZone: 'UTC',
  sync: {
    backoffBaseMs: 100,
    backoffMaxMs: 2000,
    requestTimeoutMs: 2000,
    pollIntervalMs: 3_600_000,
    catalogRefreshMs: 24 * 3_600_000,
  },
};

/** Noon on 2 March 2026, a weekday outside quiet hours. */
export const RIG_START = Date.UTC(2026, 2, 2, 12, 0);

export interface Rig {
  clock: ManualClock;
  sim: MarketplaceSimulator;
  service: CommerceService;
  db: Db;
  /** The rig's temp dir, removed by close(). */
  dir: string;
  bus: EventBus<HubEvents>;
  events: { orderChanged: HubEvents['orderChanged'][]; notification: string[] };
  logs: string[];
  close(): Promise<void>;
}

export async function makeRig(
  config: CommerceConfigInput = {},
  simOptions: MarketplaceOptions = {},
  extra: Partial<CommerceServiceDeps> = {},
  start = RIG_START,
): Promise<Rig> {
  const clock = new ManualClock(start);
  const sim = new MarketplaceSimulator({ clock, ...simOptions });
  await sim.start();
  const dir = mkdtempSync(join(tmpdir(), 'hearth-commerce-'));
  const db = openDatabase(join(dir, 'hub.db'));
  const logs: string[] = [];
  const log = createLogger(
    'info',
    new Writable({
      write(chunk, _e, cb) {
        logs.push(String(chunk));
        cb();
      },
    }),
  );
  const bus = new EventBus<HubEvents>(log);
  const events: Rig['events'] = { orderChanged: [], notification: [] };
  bus.on('orderChanged', (e) => events.orderChanged.push(e));
  bus.on('notification', (e) => events.notification.push(e.message));
  const service = new CommerceService({
    db,
    bus,
    log,
    clock,
    marketplaceUrl: sim.url,
    random: () => 1,
    config: commerceConfigSchema.parse({ ...HOUSEHOLD, ...config }),
    ...extra,
  });
  await service.start();
  await service.syncCatalog();
  return {
    clock,
    sim,
    service,
    db,
    dir,
    bus,
    events,
    logs,
    async close() {
      await service.stop();
      await sim.stop();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
