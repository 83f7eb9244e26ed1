import type { FastifyInstance } from 'fastify';
import { ManualClock } from '../../core/clock.js';
import { EventBus } from '../../core/event-bus.js';
import type { HubEvents } from '../../core/events.js';
import { silentLogger, type Logger } from '../../core/logger.js';
import { ROUTE_GROUPS } from '../route-groups.js';
import { buildApiWith } from '../server.js';
import type { ApiDeps, HealthInfo, RouteDeps } from '../types.js';
import { MemoryCredentials, MemoryDevices, MemoryHousehold } from './memory-services.js';

export interface TestApi {
  app: FastifyInstance;
  token: string;
  auth: { authorization: string };
  events: EventBus<HubEvents>;
  devices: MemoryDevices;
  household: MemoryHousehold;
  credentials: MemoryCredentials;
  health: HealthInfo;
}

/**
 * The API over in-memory services, for route tests with `inject` or a real port: the API's own route groups, and
 * those of other modules whose services `overrides` gives (`{ skills, installer }` adds the skill routes).
 */
export async function buildTestApi(overrides: Partial<RouteDeps> = {}, log: Logger = silentLogger): Promise<TestApi> {
  const events = new EventBus<HubEvents>(log);
  const household = new MemoryHousehold();
  const devices = new MemoryDevices(household, events);
  const credentials = new MemoryCredentials();
  const token = 'test-token-0123456789';
  const health: HealthInfo = { ready: true, mqtt: { port: 1883, url: 'mqtt://127.0.0.1:1883' } };
  const deps: ApiDeps & Partial<RouteDeps> = {
    version: '0.0.0-test',
    token,
    log,
    clock: new ManualClock(),
    events,
    devices,
    household,
    credentials,
    health: () => health,
    checkReplies: true,
    status: () => ({
      status: 'ok',
      version: '0.0.0-test',
      uptimeMs: 0,
      components: { api: { status: 'ok' } },
      missing: [],
    }),
    ...overrides,
  };
  const app = await buildApiWith(
    deps,
    ROUTE_GROUPS.filter((group) => group.given(deps)),
  );
  return { app, token, auth: { authorization: `Bearer ${token}` }, events, devices, household, credentials, health };
}
