/**
 * Every route group of the API, in the order they are registered: the one place a route group is added.
 * Each declares what it needs (hub/api/route-group.ts); the hub gives everything, a test API only the API's own
 * services plus what it tests, and gets the groups those cover.
 */
import { alertRoutes } from './routes/alerts.js';
import { commerceRoutes } from './routes/commerce.js';
import { credentialRoutes } from './routes/credentials.js';
import { dashboardPages } from './routes/dashboard.js';
import { dashboardSettingsRoutes } from './routes/dashboard-settings.js';
import { deviceHistoryRoutes } from './routes/device-history.js';
import { deviceRoutes } from './routes/devices.js';
import { eventRoutes } from './routes/events.js';
import { healthRoutes } from './routes/health.js';
import { householdRoutes } from './routes/household.js';
import { openApiDocumentRoutes } from './routes/openapi-document.js';
import { sessionRoutes } from './routes/sessions.js';
import { skillStoreRoutes } from './routes/skill-store.js';
import { skillRoutes } from './routes/skills.js';
import { utteranceRoutes } from './routes/utterances.js';
import { voiceRoutes } from './routes/voice.js';
import type { RouteGroup } from './route-group.js';

export const ROUTE_GROUPS: readonly RouteGroup[] = [
  healthRoutes,
  householdRoutes,
  deviceRoutes,
  credentialRoutes,
  eventRoutes,
  sessionRoutes,
  utteranceRoutes,
  skillRoutes,
  commerceRoutes,
  alertRoutes,
  voiceRoutes,
  skillStoreRoutes,
  dashboardSettingsRoutes,
  deviceHistoryRoutes,
  openApiDocumentRoutes,
  dashboardPages,
];
