/** The API step of the composition root: sessions, the fastify app with every route group (hub/api/route-groups.ts), listening. */
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { listenApi } from '../api/listen.js';
import { buildApi } from '../api/server.js';
import { SessionStore } from '../api/sessions/session-store.js';
import type { ApiDeps, ModuleServices } from '../api/types.js';
import type { LoadedConfig } from '../config/load.js';
import type { HubConfig } from '../config/schema.js';
import type { Clock } from '../core/clock.js';
import type { Db } from '../store/database.js';
import type { Assistant } from './assistant.js';
import type { Started } from './started.js';
import type { VoiceLoading } from './voice-loading.js';

export interface ApiWiring {
  app: FastifyInstance;
  url: string;
  port: number;
}

export interface ApiStepDeps {
  config: LoadedConfig;
  db: Db;
  clock: Clock;
  assistant: Assistant;
  started: Started;
  /** The API's own dependencies, without sessions (made here). */
  api: Omit<ApiDeps, 'sessions'>;
  routes: Pick<ModuleServices, 'voice' | 'history' | 'onTypedCommand'> & { voiceLoading: VoiceLoading };
}

export async function startApi({
  config,
  db,
  clock,
  assistant,
  started,
  api,
  routes,
}: ApiStepDeps): Promise<ApiWiring> {
  const sessions = new SessionStore({ db, clock, user: (id) => assistant.commerce.settings.user(id) });
  sessions.start();
  const { skills, installer, commerce, alerts } = assistant;
  const app = await buildApi({
    ...api,
    sessions,
    skills,
    installer,
    commerce,
    alerts,
    timers: skills.timers,
    voice: routes.voice,
    voiceNotReady: () => routes.voiceLoading.notReady(),
    history: routes.history,
    hubConfig: config as HubConfig,
    skillStoreUrl: config.skills.storeUrl,
    onTypedCommand: routes.onTypedCommand,
  });
  await listenApi(app, config.http);
  started('api', () => app.close());
  const address = app.server.address() as AddressInfo;
  const host = config.http.host === '0.0.0.0' ? '127.0.0.1' : config.http.host;
  return { app, port: address.port, url: `http://${host.includes(':') ? `[${host}]` : host}:${address.port}` };
}
