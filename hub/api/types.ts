import type { AlertService } from '../alerts/service.js';
import type { CommerceService } from '../commerce/service.js';
import type { HubConfig } from '../config/schema.js';
import type { Clock } from '../core/clock.js';
import type { EventBus } from '../core/event-bus.js';
import type { HubEvents } from '../core/events.js';
import type { Logger } from '../core/logger.js';
import type { DeviceService, HouseholdService } from '../devices/contracts.js';
import type { DeviceHistory } from '../devices/history.js';
import type { CredentialService } from '../mqtt/contracts.js';
import type { SkillInstaller } from '../skills/package/installer.js';
import type { SkillRuntime } from '../skills/runtime.js';
import type { TimerScheduler } from '../skills/timer-scheduler.js';
import type { VoiceService } from '../voice/service.js';
import type { TypedCommand } from './routes/utterances.js';
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

/** The API's own dependencies, by interface only: enough for health, household, devices, credentials, events, sessions. */
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
}

/** The other modules' services their route groups use (hub/wiring/api.ts gives them all). */
export interface ModuleServices {
  skills: SkillRuntime;
  installer: SkillInstaller;
  commerce: CommerceService;
  alerts: AlertService;
  timers: TimerScheduler;
  voice: VoiceService;
  history: Pick<DeviceHistory, 'query' | 'maxRowsPerDevice'>;
  /** The settings the dashboard shows beside the live ones. */
  hubConfig: Pick<HubConfig, 'commerce' | 'skills'>;
  /** Each typed command handled through POST /utterances (the voice log keeps them beside the spoken ones). */
  onTypedCommand?: (command: TypedCommand) => void;
  /** Why voice cannot take audio yet (it loads after the API listens), or undefined when it can. */
  voiceNotReady?: () => string | undefined;
  /** The skill store (`skills.storeUrl`); without it the store routes answer 404 saying so. */
  skillStoreUrl?: string;
}

/** Everything any route group uses; each group names its part (hub/api/route-group.ts). */
export type RouteDeps = ApiDeps & ModuleServices;
