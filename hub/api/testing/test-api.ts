import type { FastifyInstance } from 'fastify';
import { ManualClock } from '../../core/clock.js';
import { EventBus } from '../../core/event-bus.js';
import type { HubEvents } from '../../core/events.js';
import { silentLogger, type Logger } from '../../core/logger.js';
import { buildApi } from '../server.js';
import type { ApiDeps, HealthInfo } from '../types.js';
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

/** The API over in-memory services, for route tests with `inject` or a real port. */
export async function buildTestApi(overrides: Partial<ApiDeps> = {}, log: Logger = silentLogger): Promise<TestApi> {
  const events = new EventBus<HubEvents>(log);
  const household = new MemoryHousehold();
  const devices = new MemoryDevices(household, events);
  const credentials = new MemoryCredentials();
  const token = 'test-token-0123456789';
  const health: HealthInfo = { ready: true, mqtt: { port: 1883, url: 'mqtt://127.0.0.1:1883' } };
  const app = await buildApi({
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
  });
  return { app, token, auth: { authorization: `Bearer ${token}` }, events, devices, household, credentials, health };
}
