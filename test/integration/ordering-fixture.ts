/**
 * Ordering on the real pieces: SkillRuntime with the built-in skills, the real LanguageService, CommerceService on a
 * SQLite file in a temp dir, and the MarketplaceSimulator over HTTP on a loopback port. Only the device registry is
 * the language module's in-memory fake: ordering touches no device.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '../../hub/core/clock.js';
import { EventBus } from '../../hub/core/event-bus.js';
import type { HubEvents } from '../../hub/core/events.js';
import { silentLogger } from '../../hub/core/logger.js';
import { openDatabase, type Db } from '../../hub/store/database.js';
import { commerceConfigSchema, type CommerceConfigInput } from '../../hub/commerce/config.js';
import { createOrdersPort } from '../../hub/commerce/orders-port.js';
import { CommerceService } from '../../hub/commerce/service.js';
import { LanguageService } from '../../hub/language/service.js';
import { FakeDevices, FakeHousehold } from '../../hub/language/testing/fake-household.js';
import { languagePortFor, skillsConfigSchema, startSkills, type OrdersPort, type SkillRuntime, type UtteranceResult } from '../../hub/skills/index.js';
import { MarketplaceSimulator } from '../../firmware-sim/marketplace/server.js';
import { builtinSkills } from '../../skills/index.js';

export const FAMILY: CommerceConfigInput = {
  users: [
    { id: 'alex', name: 'Alex', role: 'adult' },
    { id: 'mia', name: 'Mia', role: 'child' },
  ],
  defaultUser: 'alex',
  timeZone: 'UTC',
  sync: { backoffBaseMs: 100, backoffMaxMs: 2000, requestTimeoutMs: 2000, pollIntervalMs: 3_600_000, catalogRefreshMs: 24 * 3_600_000 },
};

export interface OrderingRig {
  clock: ManualClock;
  sim: MarketplaceSimulator;
  commerce: CommerceService;
  runtime: SkillRuntime;
  db: Db;
  say(text: string, user?: string): Promise<UtteranceResult>;
  /** Sends the outbox and polls status now, then returns how many orders the marketplace holds. */
  marketplaceOrders(): Promise<number>;
  close(): Promise<void>;
}

export async function startOrderingRig(config: CommerceConfigInput = {}, start = Date.UTC(2026, 2, 2, 12, 0)): Promise<OrderingRig> {
  const clock = new ManualClock(start);
  const sim = new MarketplaceSimulator({ clock, times: { shipAfterMs: 2 * 3_600_000, deliverAfterMs: 24 * 3_600_000 } });
  await sim.start();
  const dir = mkdtempSync(join(tmpdir(), 'hearth-ordering-'));
  const db = openDatabase(join(dir, 'hearth.db'));
  const bus = new EventBus<HubEvents>(silentLogger);
  const commerce = new CommerceService({
    db, bus, log: silentLogger, clock, marketplaceUrl: sim.url, random: () => 1,
    config: commerceConfigSchema.parse({ ...FAMILY, ...config }),
  });
  await commerce.start();
  await commerce.syncCatalog();
  const devices = new FakeDevices(bus);
  const language = new LanguageService({ devices, household: new FakeHousehold(), bus, log: silentLogger });
  await language.start();
  const orders: OrdersPort = createOrdersPort(commerce, silentLogger);
  const { runtime } = await startSkills({
    devices, language: languagePortFor(language), db, bus, log: silentLogger, clock, orders,
    config: skillsConfigSchema.parse({}), hubVersion: '0.1.0', dataDir: dir, builtins: builtinSkills,
  });
  return {
    clock, sim, commerce, runtime, db,
    say: (text, user) => runtime.handleUtterance(text, user ? { user } : {}),
    async marketplaceOrders() {
      await commerce.syncNow({ ignoreBackoff: true });
      return sim.ledger.summary().totalOrders;
    },
    async close() {
      await runtime.stop();
      await language.stop();
      await commerce.stop();
      await sim.stop();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
