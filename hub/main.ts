/**
 * The composition root: the only place concrete services are constructed and wired.
 * start() brings components up in named steps (storage, messaging, devices, assistant, voice, API; the bigger ones
 * in hub/wiring/); stop() takes down exactly those that started, in reverse.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { resolveApiToken } from './api/auth.js';
import type { ComponentStatus, StatusReport } from './api/types.js';
import type { LoadedConfig } from './config/load.js';
import type { HubConfig } from './config/schema.js';
import { hubVersion } from './config/package-info.js';
import { claimDataDir } from './config/data-dir.js';
import { writeRuntimeInfo, type RuntimeInfo } from './config/runtime-info.js';
import { systemClock, type Clock } from './core/clock.js';
import { EventBus } from './core/event-bus.js';
import type { HubEvents } from './core/events.js';
import { createLogger, type Logger } from './core/logger.js';
import type { DeviceService, HouseholdService } from './devices/contracts.js';

export { RUNTIME_FILE, type RuntimeInfo } from './config/runtime-info.js';
import type { CredentialService } from './mqtt/contracts.js';
import { SqliteCredentialService } from './mqtt/credential-store.js';
import { DEFAULT_SLOW_CHECKS } from './mqtt/slow-check-queue.js';
import type { EmbeddedBroker } from './mqtt/embedded-broker.js';
import { HubError, isHubError } from './sdk/errors.js';
import { openDatabase, type Db } from './store/database.js';
import type { CommerceService } from './commerce/service.js';
import type { LanguageService } from './language/service.js';
import type { SkillRuntime } from './skills/runtime.js';
import { startApi, type ApiWiring } from './wiring/api.js';
import { startAssistant, type Assistant } from './wiring/assistant.js';
import { startDevices, type DevicesWiring } from './wiring/devices.js';
import { startMqtt, type MqttWiring } from './wiring/mqtt.js';
import type { Started } from './wiring/started.js';
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
  let credentialService: CredentialService | undefined;
  let deviceService: DeviceService | undefined;
  let householdService: HouseholdService | undefined;
  let assistant: Assistant | undefined;
  let voiceService: VoiceService | undefined;
  let voiceStatus: (() => ComponentStatus) | undefined;
  let wyoming: WyomingWiring | undefined;
  let info: RuntimeInfo | undefined;
  let mqttPort = config.mqtt.port;
  let mqttUrl =
    config.mqtt.url ?? `mqtt://${config.mqtt.host === '0.0.0.0' ? '127.0.0.1' : config.mqtt.host}:${config.mqtt.port}`;

  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined)
      throw new HubError('INTERNAL', `The hub is not started: ${what} is available only after start().`);
    return value;
  };

  function status(): StatusReport {
    if (ready && assistant) Object.assign(components, assistant.status());
    if (voiceStatus) components.recognizer = voiceStatus();
    if (wyoming) Object.assign(components, wyoming.status());
    if (ready && deviceService && householdService)
      components.devices = {
        status: 'ok',
        detail: describeDevices(deviceService.list(), householdService.areas().length),
      };
    const missing = Object.entries(components)
      .filter(([, c]) => c.status !== 'ok' && c.status !== 'off')
      .map(([name]) => name);
    return {
      status: missing.length === 0 ? 'ok' : 'degraded',
      version,
      uptimeMs: ready ? clock.now() - startedAt : 0,
      components: { ...components },
      missing,
    };
  }

  const record: Started = (name, stop) => void started.push({ name, stop });

  /** The data dir (claimed: a second hub on it stops here with DATA_DIR_IN_USE), the API token and the database. */
  function openStorage(): Db {
    const claim = claimDataDir(config.dataDir);
    record('data dir', () => claim.release());
    token = resolveApiToken(config.dataDir, env);
    const file = join(config.dataDir, 'hearth.db');
    const opened = openDatabase(file);
    record('database', () => void opened.close());
    components.database = { status: 'ok', detail: file };
    return opened;
  }

  /** Device credentials, then the broker that checks them. */
  async function startMessaging(db: Db): Promise<MqttWiring> {
    const credentialStore = new SqliteCredentialService(db, clock, {
      ...DEFAULT_SLOW_CHECKS,
      maxWaiting: config.mqtt.maxWaitingPasswordChecks,
    });
    credentialStore.list(); // runs its migrations now, so a broken database stops the start here
    components.credentials = { status: 'ok', detail: 'device secrets stored as HMAC-SHA256 under the hub key' };
    const mqtt = await startMqtt({
      config: config.mqtt as HubConfig['mqtt'],
      dataDir: config.dataDir,
      credentials: credentialStore,
      bus: events,
      log,
      clock,
      started: record,
    });
    credentialService = disconnectOnChange(credentialStore, mqtt.broker);
    mqttPort = mqtt.port;
    mqttUrl = mqtt.url;
    components.broker = mqtt.status;
    return mqtt;
  }

  /** The voice service, made now and started once the API listens (VoiceLoading); stopped before the API closes. */
  function prepareVoice(
    db: Db,
    mqtt: MqttWiring,
    devices: DevicesWiring,
    running: Assistant,
    speech: WyomingWiring,
  ): { voice: VoiceService; loading: VoiceLoading } {
    const { registry, household } = devices;
    const voice = new VoiceService({
      config: (config as HubConfig).voice,
      db,
      transport: mqtt.transport,
      bus: events,
      clock,
      log,
      language: running.language,
      skills: running.skills,
      areaOf: (deviceId) => registry.get(deviceId)?.area,
      devices: () => registry.list(),
      vocabularies: () => ({ ...DEFAULT_VOCABULARIES, product: running.commerce.spokenProductNames() }),
      onHouseholdChange: (listener) => household.onChange(listener),
      decorate: speech.decorate,
      isOnline: (deviceId) => {
        const device = registry.get(deviceId);
        return !device || device.available || device.lastSeen === undefined;
      },
      soundingIn: (area) => running.alerts.soundingAt(area !== undefined ? { area } : {}),
    });
    const loading = new VoiceLoading(voice, log);
    record('voice', () => loading.stop());
    voiceService = voice;
    voiceStatus = () => loading.status();
    return { voice, loading };
  }

  function writeRuntimeFile(api: ApiWiring): RuntimeInfo {
    startedAt = clock.now();
    const written: RuntimeInfo = {
      pid: process.pid,
      version,
      http: { url: api.url, port: api.port },
      mqtt: { url: mqttUrl, port: mqttPort },
      startedAt: new Date(startedAt).toISOString(),
    };
    const runtimeFile = writeRuntimeInfo(config.dataDir, written);
    record('runtime file', () => rmSync(runtimeFile, { force: true }));
    return written;
  }

  async function startAll(): Promise<RuntimeInfo> {
    skipMqttNumberCache();
    const db = openStorage();
    const mqtt = await startMessaging(db);
    const devices = await startDevices({
      config,
      db,
      transport: mqtt.transport,
      ...(mqtt.broker ? { broker: mqtt.broker } : {}),
      bus: events,
      log,
      clock,
      started: record,
    });
    deviceService = devices.registry;
    householdService = devices.household;
    components.devices = {
      status: 'ok',
      detail: `${devices.registry.list().length} devices, ${devices.household.areas().length} areas`,
    };
    const assistantStarted = await startAssistant({
      config,
      db,
      bus: events,
      log,
      clock,
      hubVersion: version,
      devices: devices.registry,
      household: devices.household,
      started: record,
    });
    assistant = assistantStarted;
    const speech = prepareWyoming({ config: config as HubConfig, clock, log, hubVersion: version, started: record });
    wyoming = speech;
    const { voice, loading } = prepareVoice(db, mqtt, devices, assistantStarted, speech);
    const api = await startApi({
      config,
      db,
      clock,
      assistant: assistantStarted,
      started: record,
      api: {
        version,
        token: need(token, 'the API token'),
        log: log.child({ module: 'api' }),
        clock,
        events,
        devices: devices.registry,
        household: devices.household,
        credentials: need(credentialService, 'the credential service'),
        health: () => ({ ready, mqtt: { port: mqttPort, url: mqttUrl } }),
        status,
        checkReplies: config.http.checkReplies,
      },
      routes: {
        voice,
        voiceLoading: loading,
        history: devices.history,
        onTypedCommand: (typed) => voice.logTyped(typed),
      },
    });
    components.api = { status: 'ok', detail: api.url };
    info = writeRuntimeFile(api);
    ready = true;
    log.info({ http: api.url, mqtt: mqttUrl }, 'API ready; voice loading');
    // /health is 200 from here on; start() still resolves only once voice is up (or rejects and undoes all).
    await loading.begin();
    await speech.start({
      voice,
      language: assistantStarted.language,
      skills: assistantStarted.skills,
      household: devices.household,
    });
    // Rings and announcements reach the satellites from here on (alarms caught up at start ring now).
    voice.soundOutput().addSpeakers(speech.speakers());
    assistantStarted.alerts.connect(voice.soundOutput());
    log.info({ http: api.url, mqtt: mqttUrl }, 'hub ready');
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
        if (
          isHubError(err) &&
          (err.code === 'CONFIG_INVALID' || err.code === 'DATA_DIR_IN_USE' || err.code === 'PORT_IN_USE')
        )
          log.debug({ code: err.code, reason: err.message }, 'hub did not start');
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
