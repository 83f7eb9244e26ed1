/**
 * The composition root: the only place concrete services are constructed and wired.
 * start() brings components up in order; stop() takes down exactly those that started, in reverse.
 */
import { rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { resolveApiToken } from './api/auth.js';
import { buildApi } from './api/server.js';
import { createDashboardSettingsRoutes } from './api/routes/dashboard-settings.js';
import { createDeviceHistoryRoutes } from './api/routes/device-history.js';
import { SessionStore } from './api/sessions/session-store.js';
import { DeviceHistory } from './devices/history.js';
import { moveLegacyHistory, openHistoryDatabase } from './devices/history-database.js';
import { HistoryCheckpointer } from './devices/history-checkpointer.js';
import { createSkillStoreRoutes } from './api/routes/skill-store.js';
import type { ComponentStatus, StatusReport } from './api/types.js';
import type { LoadedConfig } from './config/load.js';
import type { HubConfig } from './config/schema.js';
import { hubVersion } from './config/package-info.js';
import { listenApi } from './api/listen.js';
import { claimDataDir } from './config/data-dir.js';
import { writeRuntimeInfo, type RuntimeInfo } from './config/runtime-info.js';
import { systemClock, type Clock } from './core/clock.js';
import { EventBus } from './core/event-bus.js';
import type { HubEvents } from './core/events.js';
import { createLogger, type Logger } from './core/logger.js';
import type { DeviceService, HouseholdService } from './devices/contracts.js';
import { builtInDrivers, DeviceRegistry, Household, seedFromConfig } from './devices/index.js';

export { RUNTIME_FILE, type RuntimeInfo } from './config/runtime-info.js';
import type { CredentialService } from './mqtt/contracts.js';
import { SqliteCredentialService } from './mqtt/credential-store.js';
import { DEFAULT_SLOW_CHECKS } from './mqtt/slow-check-queue.js';
import { EmbeddedBroker } from './mqtt/embedded-broker.js';
import type { MqttTransport } from './mqtt/transport.js';
import { HubError, isHubError } from './sdk/errors.js';
import { openDatabase, type Db } from './store/database.js';
import type { CommerceService } from './commerce/service.js';
import type { LanguageService } from './language/service.js';
import type { SkillRuntime } from './skills/runtime.js';
import { startAssistant, type Assistant } from './wiring/assistant.js';
import { createVoiceRoutes } from './api/routes/voice.js';
import { VoiceService } from './voice/service.js';
import { VoiceLoading } from './wiring/voice-loading.js';
import { prepareWyoming, type WyomingWiring } from './wiring/wyoming.js';
import { skipMqttNumberCache } from './wiring/mqtt-number-cache.js';
import { DEFAULT_VOCABULARIES } from './language/grammar/vocabularies.js';

export interface HubOptions {
  log?: Logger;
  clock?: Clock;
  env?: Record<string, string | undefined>;
}

export interface Hub {
  readonly config: LoadedConfig;
  readonly events: EventBus<HubEvents>;
  start(): Promise<RuntimeInfo>;
  stop(): Promise<void>;
  /** Available after start(). */
  runtime(): RuntimeInfo;
  token(): string;
  devices(): DeviceService;
  household(): HouseholdService;
  credentials(): CredentialService;
  language(): LanguageService;
  skills(): SkillRuntime;
  commerce(): CommerceService;
  /** Recogniser, pipeline, satellites and voice log. */
  voice(): VoiceService;
  /** /status entries filled by components wired elsewhere (the recogniser: `status.recognizer`). */
  setComponentStatus(name: string, status: ComponentStatus): void;
  /** The Wyoming server, satellites and external speech services (hub/wiring/wyoming.ts). */
  wyoming(): WyomingWiring;
}

interface Step {
  name: string;
  stop: () => Promise<void> | void;
}

/** A replaced or revoked credential must not keep an open session alive on the embedded broker. */
function disconnectOnChange(store: CredentialService, broker: EmbeddedBroker | undefined): CredentialService {
  if (!broker) return store;
  return {
    create: (deviceId, options) => {
      const issued = store.create(deviceId, options);
      broker.disconnectDevice(deviceId);
      return issued;
    },
    list: () => store.list(),
    get: (deviceId) => store.get(deviceId),
    revoke: (deviceId) => {
      store.revoke(deviceId);
      broker.disconnectDevice(deviceId);
    },
    verify: (username, password) => store.verify(username, password),
  };
}

export function createHub(config: LoadedConfig, options: HubOptions = {}): Hub {
  const log = (options.log ?? createLogger(config.logLevel)).child({ module: 'hub' });
  const clock = options.clock ?? systemClock;
  const env = options.env ?? process.env;
  const version = hubVersion();
  const events = new EventBus<HubEvents>(log.child({ module: 'events' }));
  const started: Step[] = [];
  const components: Record<string, ComponentStatus> = {};
  let ready = false;
  let startedAt = 0;
  let token: string | undefined;
  let db: Db | undefined;
  let credentialService: CredentialService | undefined;
  let deviceService: DeviceService | undefined;
  let householdService: HouseholdService | undefined;
  let assistant: Assistant | undefined;
  let voiceService: VoiceService | undefined;
  let voiceStatus: (() => ComponentStatus) | undefined;
  let wyoming: WyomingWiring | undefined;
  let app: FastifyInstance | undefined;
  let info: RuntimeInfo | undefined;
  let mqttPort = config.mqtt.port;
  let mqttUrl = config.mqtt.url ?? `mqtt://${config.mqtt.host === '0.0.0.0' ? '127.0.0.1' : config.mqtt.host}:${config.mqtt.port}`;

  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new HubError('INTERNAL', `The hub is not started: ${what} is available only after start().`);
    return value;
  };

  function status(): StatusReport {
    if (ready && assistant) Object.assign(components, assistant.status());
    if (voiceStatus) components.recognizer = voiceStatus();
    if (wyoming) Object.assign(components, wyoming.status());
    if (ready && deviceService && householdService)
      components.devices = { status: 'ok', detail: describeDevices(deviceService.list(), householdService.areas().length) };
    const missing = Object.entries(components)
      .filter(([, c]) => c.status !== 'ok' && c.status !== 'off')
      .map(([name]) => name);
    return { status: missing.length === 0 ? 'ok' : 'degraded', version, uptimeMs: ready ? clock.now() - startedAt : 0, components: { ...components }, missing };
  }

  async function startAll(): Promise<RuntimeInfo> {
    skipMqttNumberCache();
    // Before anything is read or written there: a second hub on the same data dir stops here (DATA_DIR_IN_USE).
    const claim = claimDataDir(config.dataDir);
    started.push({ name: 'data dir', stop: () => claim.release() });
    token = resolveApiToken(config.dataDir, env);

    db = openDatabase(join(config.dataDir, 'hearth.db'));
    const openDb = db;
    started.push({ name: 'database', stop: () => void openDb.close() });
    components.database = { status: 'ok', detail: join(config.dataDir, 'hearth.db') };

    const credentialStore = new SqliteCredentialService(db, clock, { ...DEFAULT_SLOW_CHECKS, maxWaiting: config.mqtt.maxWaitingPasswordChecks });
    credentialStore.list(); // runs its migrations now, so a broken database stops the start here
    components.credentials = { status: 'ok', detail: 'device secrets stored as HMAC-SHA256 under the hub key' };

    let transport: MqttTransport;
    let broker: EmbeddedBroker | undefined;
    if (config.mqtt.url) {
      // Loaded only when used: mqtt.js adds ~250 ms to every cold start otherwise.
      const { ExternalTransport } = await import('./mqtt/external-transport.js');
      const external = new ExternalTransport({ url: config.mqtt.url, protocolVersion: config.mqtt.protocolVersion, log });
      await external.start();
      started.push({ name: 'broker', stop: () => external.stop() });
      if (config.mqtt.shareGroup) {
        const { shareDeviceTraffic } = await import('./mqtt/shared-subscriptions.js');
        transport = shareDeviceTraffic(external, config.mqtt.shareGroup);
      } else transport = external;
      const url = new URL(config.mqtt.url);
      mqttPort = Number(url.port || 1883);
      url.username = '';
      url.password = '';
      mqttUrl = url.toString().replace(/\/$/, '');
      components.broker = { status: 'ok', detail: `external broker ${mqttUrl}${config.mqtt.shareGroup ? `, sharing device traffic in group "${config.mqtt.shareGroup}"` : ''}` };
    } else {
      const embedded = new EmbeddedBroker({
        config: { host: config.mqtt.host, port: config.mqtt.port, allowAnonymous: config.mqtt.allowAnonymous, maxPayloadBytes: config.mqtt.maxPayloadBytes, retainedFlushMs: config.mqtt.retainedFlushMs, deadBrokerSweepMs: config.mqtt.deadBrokerSweepMs, failedLogins: config.mqtt.failedLogins, rejectionsLoggedPerSecond: config.mqtt.rejectionsLoggedPerSecond, maxRetainedTopicsPerDevice: config.mqtt.maxRetainedTopicsPerDevice, maxSessionsPerDevice: config.mqtt.maxSessionsPerDevice, maxSubscriptionsPerClient: config.mqtt.maxSubscriptionsPerClient, maxQueuedMessagesPerDevice: config.mqtt.maxQueuedMessagesPerDevice, maxQueuedBytesPerDevice: config.mqtt.maxQueuedBytesPerDevice },
        dataDir: config.dataDir,
        credentials: credentialStore,
        bus: events,
        log,
        clock,
      });
      await embedded.start();
      started.push({ name: 'broker', stop: () => embedded.stop() });
      broker = embedded;
      transport = embedded.transport();
      await transport.start();
      started.push({ name: 'hub mqtt client', stop: () => transport.stop() });
      mqttPort = embedded.port;
      mqttUrl = embedded.url;
      components.broker = { status: 'ok', detail: `embedded broker ${mqttUrl}${config.mqtt.allowAnonymous ? ' (anonymous allowed)' : ''}` };
    }
    credentialService = disconnectOnChange(credentialStore, broker);

    const household = new Household({ db, bus: events, clock });
    await household.start();
    started.push({ name: 'household', stop: () => household.stop() });
    householdService = household;
    // Before the registry, so the states it restores and receives first are charted too.
    const historyLog = log.child({ module: 'device-history' });
    const historyDb = openHistoryDatabase(config.dataDir);
    started.push({ name: 'history database', stop: () => void historyDb.close() });
    const movedReadings = moveLegacyHistory(db, join(config.dataDir, 'hearth.db'), historyDb);
    if (movedReadings > 0) historyLog.info({ readings: movedReadings }, 'moved device history from hearth.db to its own file');
    const checkpointer = new HistoryCheckpointer({ db: historyDb, log: historyLog });
    await checkpointer.start();
    started.push({ name: 'history checkpoints', stop: () => checkpointer.stop() });
    const history = new DeviceHistory({ db: historyDb, bus: events, clock, log: historyLog });
    await history.start();
    started.push({ name: 'device history', stop: () => history.stop() });
    const registry = new DeviceRegistry({
      db,
      bus: events,
      log,
      clock,
      transport,
      drivers: builtInDrivers,
      commandTimeoutMs: config.mqtt.commandTimeoutMs,
      maxPayloadBytes: config.mqtt.maxPayloadBytes,
      stateLimits: config.deviceState,
      ...(broker ? { announcedTopicsProblem: broker.announcedTopicsProblem } : {}),
    });
    await registry.start();
    started.push({ name: 'devices', stop: () => registry.stop() });
    deviceService = registry;
    // The frozen config is only read here; the seeding API merely lacks `readonly` on nested arrays.
    seedFromConfig(config as HubConfig, { household, devices: registry });
    components.devices = { status: 'ok', detail: `${registry.list().length} devices, ${household.areas().length} areas` };

    assistant = await startAssistant({
      config, db, bus: events, log, clock, hubVersion: version,
      devices: registry, household,
      started: (name, stop) => started.push({ name, stop }),
      onTypedCommand: (typed) => voiceService?.logTyped(typed),
    });
    const commerce = assistant.commerce;
    const speechServices = prepareWyoming({ config: config as HubConfig, clock, log, hubVersion: version, started: (name, stop) => started.push({ name, stop }) });
    wyoming = speechServices;
    const voice = new VoiceService({
      config: (config as HubConfig).voice, db, transport, bus: events, clock, log,
      language: assistant.language, skills: assistant.skills,
      areaOf: (deviceId) => registry.get(deviceId)?.area,
      devices: () => registry.list(),
      vocabularies: () => ({ ...DEFAULT_VOCABULARIES, product: commerce.spokenProductNames() }),
      onHouseholdChange: (listener) => household.onChange(listener),
      decorate: speechServices.decorate,
      isOnline: (deviceId) => {
        const device = registry.get(deviceId);
        return !device || device.available || device.lastSeen === undefined;
      },
      soundingIn: (area) => assistant!.alerts.soundingAt(area !== undefined ? { area } : {}),
    });
    // Started after the API listens (below); stopped before the API closes, as before.
    const voiceLoading = new VoiceLoading(voice, log);
    started.push({ name: 'voice', stop: () => voiceLoading.stop() });
    voiceService = voice;
    voiceStatus = () => voiceLoading.status();

    const sessions = new SessionStore({ db, clock, user: (id) => commerce.settings.user(id) });
    sessions.start();

    app = await buildApi({
      version,
      token,
      sessions,
      log: log.child({ module: 'api' }),
      clock,
      events,
      devices: deviceService,
      household: householdService,
      credentials: credentialService,
      health: () => ({ ready, mqtt: { port: mqttPort, url: mqttUrl } }),
      status,
      plugins: [...assistant.plugins, createVoiceRoutes(voice, { notReady: () => voiceLoading.notReady() }), createSkillStoreRoutes(assistant.installer, config.skills.storeUrl),
        createDashboardSettingsRoutes({ config: config as HubConfig, settings: commerce.settings, passwords: sessions }),
        createDeviceHistoryRoutes(history)],
    });
    const api = app;
    await listenApi(api, config.http);
    started.push({ name: 'api', stop: () => api.close() });
    const address = api.server.address() as AddressInfo;
    const httpHost = config.http.host === '0.0.0.0' ? '127.0.0.1' : config.http.host;
    const httpUrl = `http://${httpHost.includes(':') ? `[${httpHost}]` : httpHost}:${address.port}`;
    components.api = { status: 'ok', detail: httpUrl };

    startedAt = clock.now();
    info = {
      pid: process.pid,
      version,
      http: { url: httpUrl, port: address.port },
      mqtt: { url: mqttUrl, port: mqttPort },
      startedAt: new Date(startedAt).toISOString(),
    };
    const runtimeFile = writeRuntimeInfo(config.dataDir, info);
    started.push({ name: 'runtime file', stop: () => rmSync(runtimeFile, { force: true }) });
    ready = true;
    log.info({ http: httpUrl, mqtt: mqttUrl }, 'API ready; voice loading');
    // /health is 200 from here on; start() still resolves only once voice is up (or rejects and undoes all).
    await voiceLoading.begin();
    await speechServices.start({ voice, language: assistant.language, skills: assistant.skills, household });
    // Rings and announcements reach the satellites from here on (alarms caught up at start ring now).
    voice.soundOutput().addSpeakers(speechServices.speakers());
    assistant.alerts.connect(voice.soundOutput());
    log.info({ http: httpUrl, mqtt: mqttUrl }, 'hub ready');
    return info;
  }

  async function stopAll(): Promise<void> {
    ready = false;
    for (const step of started.reverse().splice(0)) {
      try {
        await step.stop();
      } catch (err) {
        log.error({ err, step: step.name }, 'failed to stop component; continuing with the rest');
      }
      if (components[step.name]) components[step.name] = { status: 'stopped' };
    }
  }

  return {
    config,
    events,
    async start() {
      if (started.length > 0) throw new HubError('CONFLICT', 'The hub is already started; call stop() first.');
      try {
        return await startAll();
      } catch (err) {
        // A mistake in the input (a port in use, a bad or busy data dir) is the caller's to report, in one line.
        if (isHubError(err) && (err.code === 'CONFIG_INVALID' || err.code === 'DATA_DIR_IN_USE' || err.code === 'PORT_IN_USE')) log.debug({ code: err.code, reason: err.message }, 'hub did not start');
        else log.error({ err }, 'hub failed to start; undoing what had started');
        await stopAll();
        throw err;
      }
    },
    stop: stopAll,
    runtime: () => need(info, 'runtime info'),
    token: () => need(token, 'the API token'),
    devices: () => need(deviceService, 'the device service'),
    household: () => need(householdService, 'the household service'),
    credentials: () => need(credentialService, 'the credential service'),
    language: () => need(assistant, 'the language service').language,
    skills: () => need(assistant, 'the skills runtime').skills,
    commerce: () => need(assistant, 'the commerce service').commerce,
    voice: () => need(voiceService, 'the voice service'),
    setComponentStatus: (name, value) => void (components[name] = value),
    wyoming: () => need(wyoming, 'Wyoming'),
  };
}

/** "25 devices, 7 areas", or "25 devices (3 offline or not connected yet), 7 areas": offline is the devices' state, not a fault of the hub. */
function describeDevices(devices: readonly { available: boolean }[], areas: number): string {
  const offline = devices.filter((d) => !d.available).length;
  return `${devices.length} devices${offline ? ` (${offline} offline or not connected yet)` : ''}, ${areas} areas`;
}
