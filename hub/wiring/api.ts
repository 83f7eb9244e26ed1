/**
 * The API step of the composition root: sessions, the fastify app with every module's routes, listening.
 * `moduleRoutes` is the one list of route groups beyond the API's own (hub/api/server.ts registers those:
 * health, household, devices, credentials, events, sessions, the OpenAPI document and the dashboard files).
 */
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { listenApi } from '../api/listen.js';
import { createAlertRoutes } from '../api/routes/alerts.js';
import { createCommerceRoutes } from '../api/routes/commerce.js';
import { createDashboardSettingsRoutes } from '../api/routes/dashboard-settings.js';
import { createDeviceHistoryRoutes } from '../api/routes/device-history.js';
import { createSkillStoreRoutes } from '../api/routes/skill-store.js';
import { createSkillRoutes } from '../api/routes/skills.js';
import { createUtteranceRoutes, type TypedCommand } from '../api/routes/utterances.js';
import { createVoiceRoutes } from '../api/routes/voice.js';
import { buildApi } from '../api/server.js';
import { SessionStore } from '../api/sessions/session-store.js';
import type { ApiDeps, ApiPlugin } from '../api/types.js';
import type { LoadedConfig } from '../config/load.js';
import type { HubConfig } from '../config/schema.js';
import type { Clock } from '../core/clock.js';
import type { DeviceHistory } from '../devices/history.js';
import type { Db } from '../store/database.js';
import type { VoiceService } from '../voice/service.js';
import type { Assistant } from './assistant.js';
import type { Started } from './started.js';
import type { VoiceLoading } from './voice-loading.js';

export interface RouteSources {
  config: LoadedConfig;
  assistant: Assistant;
  voice: VoiceService;
  voiceLoading: VoiceLoading;
  history: DeviceHistory;
  sessions: SessionStore;
  /** Each typed command handled through POST /utterances (the voice log keeps them beside the spoken ones). */
  onTypedCommand(command: TypedCommand): void;
}

/** Every module's route groups, mounted under /api/v1. */
export function moduleRoutes({
  config,
  assistant,
  voice,
  voiceLoading,
  history,
  sessions,
  onTypedCommand,
}: RouteSources): ApiPlugin[] {
  const { skills, installer, commerce, alerts } = assistant;
  return [
    createUtteranceRoutes(skills, { onTyped: onTypedCommand }),
    createSkillRoutes(skills, installer),
    createCommerceRoutes(commerce),
    createAlertRoutes({ alerts, timers: skills.timers }),
    createVoiceRoutes(voice, { notReady: () => voiceLoading.notReady() }),
    createSkillStoreRoutes(installer, config.skills.storeUrl),
    createDashboardSettingsRoutes({ config: config as HubConfig, settings: commerce.settings, passwords: sessions }),
    createDeviceHistoryRoutes(history),
  ];
}

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
  /** The API's own dependencies, without sessions and plugins (made here). */
  api: Omit<ApiDeps, 'sessions' | 'plugins'>;
  routes: Omit<RouteSources, 'config' | 'assistant' | 'sessions'>;
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
  const app = await buildApi({ ...api, sessions, plugins: moduleRoutes({ ...routes, config, assistant, sessions }) });
  await listenApi(app, config.http);
  started('api', () => app.close());
  const address = app.server.address() as AddressInfo;
  const host = config.http.host === '0.0.0.0' ? '127.0.0.1' : config.http.host;
  return { app, port: address.port, url: `http://${host.includes(':') ? `[${host}]` : host}:${address.port}` };
}
