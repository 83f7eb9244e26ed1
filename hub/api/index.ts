export { buildApi } from './server.js';
export { resolveApiToken, readApiToken, tokensEqual, API_TOKEN_FILE } from './auth.js';
export { RouteCatalog, API_PREFIX, type RouteSpec } from './openapi.js';
export { parseInput } from './validate.js';
export type { ApiDeps, ApiPlugin, ApiPluginOptions, HealthInfo, StatusReport, ComponentStatus, ComponentState } from './types.js';
