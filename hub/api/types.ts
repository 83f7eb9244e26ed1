import type { FastifyInstance } from 'fastify';
import type { Clock } from '../core/clock.js';
import type { EventBus } from '../core/event-bus.js';
import type { HubEvents } from '../core/events.js';
import type { Logger } from '../core/logger.js';
import type { DeviceService, HouseholdService } from '../devices/contracts.js';
import type { CredentialService } from '../mqtt/contracts.js';
import type { RouteCatalog } from './openapi.js';
import type { SessionStore } from './sessions/session-store.js';

export interface HealthInfo {
  ready: boolean;
  mqtt: { port: number; url: string };
}

/**
 * `loading`: still starting in the background after the API listens (the speech recogniser).
 * `off`: not set up, which is a normal choice (no marketplace: orders wait in the outbox); not a fault.
 */
export type ComponentState = 'ok' | 'off' | 'degraded' | 'missing' | 'stopped' | 'loading';

export interface ComponentStatus {
  status: ComponentState;
  /** What it is or, when not ok, what is missing and how to fix it. */
  detail?: string;
}

export interface StatusReport {
  status: 'ok' | 'degraded';
  version: string;
  uptimeMs: number;
  components: Record<string, ComponentStatus>;
  /** Names of components that are missing or degraded (not those that are `off`). */
  missing: string[];
}

/** Everything the API needs, by interface only; hub/main.ts builds the real ones. */
export interface ApiDeps {
  version: string;
  token: string;
  log: Logger;
  clock: Clock;
  events: EventBus<HubEvents>;
  devices: DeviceService;
  household: HouseholdService;
  credentials: CredentialService;
  health(): HealthInfo;
  status(): StatusReport;
  /** Users' passwords and sessions; without it only the API token is accepted. */
  sessions?: SessionStore;
  /** Refuse (500) replies that do not match their route's declared schema: `http.checkReplies` (tests, development). */
  checkReplies?: boolean;
  /** Route plugins of other modules (voice, skills, commerce…), registered under /api/v1. */
  plugins?: ApiPlugin[];
}

export interface ApiPluginOptions {
  deps: ApiDeps;
  routes: RouteCatalog;
}

/** A route group: one fastify plugin, registered under /api/v1. */
export type ApiPlugin = (app: FastifyInstance, options: ApiPluginOptions) => Promise<void>;
