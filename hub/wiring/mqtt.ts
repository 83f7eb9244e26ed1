/**
 * The messaging step of the composition root: the embedded broker with the hub's own client on it, or a client of
 * an external broker (sharing device traffic in a group when `mqtt.shareGroup` is set).
 */
import type { ComponentStatus } from '../api/types.js';
import type { HubConfig } from '../config/schema.js';
import type { Clock } from '../core/clock.js';
import type { EventBus } from '../core/event-bus.js';
import type { HubEvents } from '../core/events.js';
import type { Logger } from '../core/logger.js';
import type { SqliteCredentialService } from '../mqtt/credential-store.js';
import { EmbeddedBroker } from '../mqtt/embedded-broker.js';
import type { MqttTransport } from '../mqtt/transport.js';
import type { Started } from './started.js';

export interface MqttWiring {
  transport: MqttTransport;
  /** Only with the embedded broker. */
  broker?: EmbeddedBroker;
  port: number;
  /** Without credentials, for /health and the runtime file. */
  url: string;
  status: ComponentStatus;
}

export interface MqttDeps {
  config: HubConfig['mqtt'];
  dataDir: string;
  credentials: SqliteCredentialService;
  bus: EventBus<HubEvents>;
  log: Logger;
  clock: Clock;
  started: Started;
}

export async function startMqtt(deps: MqttDeps): Promise<MqttWiring> {
  return deps.config.url ? startExternal(deps, deps.config.url) : startEmbedded(deps);
}

async function startExternal({ config, log, started }: MqttDeps, brokerUrl: string): Promise<MqttWiring> {
  // Loaded only when used: mqtt.js adds ~250 ms to every cold start otherwise.
  const { ExternalTransport } = await import('../mqtt/external-transport.js');
  const external = new ExternalTransport({ url: brokerUrl, protocolVersion: config.protocolVersion, log });
  await external.start();
  started('broker', () => external.stop());
  let transport: MqttTransport = external;
  if (config.shareGroup) {
    const { shareDeviceTraffic } = await import('../mqtt/shared-subscriptions.js');
    transport = shareDeviceTraffic(external, config.shareGroup);
  }
  const url = new URL(brokerUrl);
  const port = Number(url.port || 1883);
  url.username = '';
  url.password = '';
  const shown = url.toString().replace(/\/$/, '');
  const sharing = config.shareGroup ? `, sharing device traffic in group "${config.shareGroup}"` : '';
  return { transport, port, url: shown, status: { status: 'ok', detail: `external broker ${shown}${sharing}` } };
}

async function startEmbedded({
  config,
  dataDir,
  credentials,
  bus,
  log,
  clock,
  started,
}: MqttDeps): Promise<MqttWiring> {
  const broker = new EmbeddedBroker({
    config: {
      host: config.host,
      port: config.port,
      allowAnonymous: config.allowAnonymous,
      maxPayloadBytes: config.maxPayloadBytes,
      retainedFlushMs: config.retainedFlushMs,
      deadBrokerSweepMs: config.deadBrokerSweepMs,
      failedLogins: config.failedLogins,
      rejectionsLoggedPerSecond: config.rejectionsLoggedPerSecond,
      maxRetainedTopicsPerDevice: config.maxRetainedTopicsPerDevice,
      maxSessionsPerDevice: config.maxSessionsPerDevice,
      maxSubscriptionsPerClient: config.maxSubscriptionsPerClient,
      maxQueuedMessagesPerDevice: config.maxQueuedMessagesPerDevice,
      maxQueuedBytesPerDevice: config.maxQueuedBytesPerDevice,
    },
    dataDir,
    credentials,
    bus,
    log,
    clock,
  });
  await broker.start();
  started('broker', () => broker.stop());
  const transport = broker.transport();
  await transport.start();
  started('hub mqtt client', () => transport.stop());
  const anonymous = config.allowAnonymous ? ' (anonymous allowed)' : '';
  return {
    transport,
    broker,
    port: broker.port,
    url: broker.url,
    status: { status: 'ok', detail: `embedded broker ${broker.url}${anonymous}` },
  };
}
