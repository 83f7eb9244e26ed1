/**
 * The API over the real commerce service, session store and device history on SQLite files in a temp dir
 * (no marketplace: orders stay in the outbox), for route tests of login, settings, confirmations and history.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CommerceConfigInput } from '../../commerce/config.js';
import { CommerceService } from '../../commerce/service.js';
import { ManualClock } from '../../core/clock.js';
import { EventBus } from '../../core/event-bus.js';
import type { HubEvents } from '../../core/events.js';
import { silentLogger } from '../../core/logger.js';
import { hubConfigSchema } from '../../config/schema.js';
import { DeviceHistory } from '../../devices/history.js';
import { openHistoryDatabase } from '../../devices/history-database.js';
import { openDatabase, type Db } from '../../store/database.js';
import { SessionStore } from '../sessions/session-store.js';
import { buildTestApi, type TestApi } from './test-api.js';

export const HOUSEHOLD_COMMERCE: CommerceConfigInput = {
  users: [
    { id: 'sam', name: 'Sam', role: 'adult' },
    { id: 'jo', name: 'Jo', role: 'child' },
  ],
  defaultUser: 'sam',
  limits: { perOrderCents: 5000 },
  buttons: [{ id: 'pods', sku: 'COF-POD-30' }],
};

export const CATALOG = [
  {
    sku: 'COF-POD-30',
    name: 'Coffee pods',
    aliases: ['coffee'],
    priceCents: 899,
    currency: 'EUR',
    packSize: '30 pods',
    category: 'pantry',
    volumeMl: 0,
    weightG: 0,
    pantryEligible: false,
  },
  {
    sku: 'TV-55',
    name: 'Television',
    aliases: ['tv'],
    priceCents: 49_900,
    currency: 'EUR',
    packSize: '',
    category: 'electronics',
    volumeMl: 0,
    weightG: 0,
    pantryEligible: false,
  },
];

export interface HouseholdApi extends TestApi {
  /** The bus commerce and the device history listen on. */
  bus: EventBus<HubEvents>;
  db: Db;
  dir: string;
  clock: ManualClock;
  commerce: CommerceService;
  sessions: SessionStore;
  history: DeviceHistory;
  /** Stops everything and builds it again on the same database file (a restart). */
  restart(): Promise<HouseholdApi>;
  /** Stops everything and deletes the temp dir. */
  close(): Promise<void>;
}

export async function buildHouseholdApi(
  options: { commerce?: CommerceConfigInput; dir?: string } = {},
): Promise<HouseholdApi> {
  const commerceInput = options.commerce ?? HOUSEHOLD_COMMERCE;
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'hearth-api-household-'));
  const db = openDatabase(join(dir, 'hearth.db'));
  const clock = new ManualClock(Date.UTC(2026, 2, 10, 12));
  const bus = new EventBus<HubEvents>(silentLogger);
  const config = hubConfigSchema.parse({ commerce: commerceInput });
  const commerce = new CommerceService({ db, bus, log: silentLogger, clock, config: config.commerce });
  await commerce.start();
  commerce.catalogStore.replaceAll(CATALOG, clock.now());
  const sessions = new SessionStore({ db, clock, user: (id) => commerce.settings.user(id) });
  sessions.start();
  const historyDb = openHistoryDatabase(dir); // its own file, as in the hub
  const history = new DeviceHistory({ db: historyDb, bus, clock, log: silentLogger });
  await history.start();
  const api = await buildTestApi({
    clock,
    sessions,
    commerce,
    hubConfig: config,
    history,
  });
  const stop = async () => {
    await api.app.close();
    await history.stop();
    historyDb.close();
    await commerce.stop();
    db.close();
  };
  return {
    ...api,
    bus,
    db,
    dir,
    clock,
    commerce,
    sessions,
    history,
    async restart() {
      await stop();
      return buildHouseholdApi({ commerce: commerceInput, dir });
    },
    async close() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
