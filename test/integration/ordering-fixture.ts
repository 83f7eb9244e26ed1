/**
 * Ordering on the real pieces: SkillRuntime with the built-in skills, the real LanguageService, CommerceService on a
 * SQLite file in a temp dir, and the MarketplaceSimulator over HTTP on a loopback port (the commerce part is `makeRig`). Only the device registry is
 * the language module's in-memory fake: ordering touches no device.
 */
import type { ManualClock } from '../../hub/core/clock.js';
import { silentLogger } from '../../hub/core/logger.js';
import type { Db } from '../../hub/store/database.js';
import type { CommerceConfigInput } from '../../hub/commerce/config.js';
import { createOrdersPort } from '../../hub/commerce/orders-port.js';
import type { CommerceService } from '../../hub/commerce/service.js';
import type { LanguageService } from '../../hub/language/service.js';
import { MemoryDevices, MemoryHousehold } from '../../hub/devices/testing/memory-services.js';
import {
  skillsConfigSchema,
  type OrdersPort,
  type SkillRuntime,
  type UtteranceResult,
} from '../../hub/skills/index.js';
import { startSkillsWithLanguage } from '../../hub/skills/testing/with-language.js';
import type { MarketplaceSimulator } from '../../firmware-sim/marketplace/server.js';
import { builtinSkills } from '../../skills/index.js';
import { makeRig, RIG_START } from './commerce-helpers.js';

export interface OrderingRig {
  clock: ManualClock;
  /** In-memory devices: a lock added here can be unlocked by voice (the smart-home skill asks first). */
  devices: MemoryDevices;
  sim: MarketplaceSimulator;
  commerce: CommerceService;
  runtime: SkillRuntime;
  /** The real language service the runtime understands with (a voice test builds its grammar from it). */
  language: LanguageService;
  db: Db;
  say(text: string, user?: string): Promise<UtteranceResult>;
  /** Sends the outbox and polls status now, then returns how many orders the marketplace holds. */
  marketplaceOrders(): Promise<number>;
  close(): Promise<void>;
}

/** `confirm`: the `skills.confirm` section (e.g. `{pin: {required: true}}` to unlock with the household PIN). */
export async function startOrderingRig(
  config: CommerceConfigInput = {},
  start = RIG_START,
  confirm: Record<string, unknown> = {},
): Promise<OrderingRig> {
  const rig = await makeRig(
    config,
    { times: { shipAfterMs: 2 * 3_600_000, deliverAfterMs: 24 * 3_600_000 } },
    {},
    start,
  );
  const { clock, sim, service: commerce, db, bus, dir } = rig;
  const household = new MemoryHousehold();
  const devices = new MemoryDevices(household, bus, { available: true });
  const orders: OrdersPort = createOrdersPort(commerce, silentLogger);
  const { runtime, language } = await startSkillsWithLanguage({
    devices,
    household,
    db,
    bus,
    clock,
    orders,
    pins: commerce.pins,
    config: skillsConfigSchema.parse({ confirm }),
    dataDir: dir,
    builtins: builtinSkills,
  });
  return {
    clock,
    devices,
    sim,
    commerce,
    runtime,
    language,
    db,
    say: (text, user) => runtime.handleUtterance(text, user ? { user } : {}),
    async marketplaceOrders() {
      await commerce.syncNow({ ignoreBackoff: true });
      return sim.ledger.summary().totalOrders;
    },
    async close() {
      await runtime.stop();
      await language.stop();
      await rig.close();
    },
  };
}
