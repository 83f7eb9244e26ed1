/**
 * Home Assistant MQTT discovery ingest: `<prefix>/<component>/[<node_id>/]<object_id>/config`.
 * A config adds a device (origin 'discovery'), a re-announce updates its config (keeping the
 * name, aliases and area the user may have changed), an empty payload removes it.
 */
import type { EventBus } from '../core/event-bus.js';
import type { HubEvents } from '../core/events.js';
import type { Logger } from '../core/logger.js';
import type { MqttMessage, MqttTransport } from '../mqtt/transport.js';
import { TOPIC_ROOT, type Device } from '../sdk/index.js';
import { isDeepStrictEqual } from 'node:util';
import {
  discoveryFilters,
  interpretDiscoveryConfig,
  parseDiscoveryTopic,
  DISCOVERY_PREFIX,
} from '../../device-drivers/ha-discovery/protocol.js';
import { HA_DISCOVERY_PROTOCOL } from '../../device-drivers/ha-discovery/driver.js';
import type { DeviceInput } from './contracts.js';

/** What discovery needs of the device registry (registry.ts hands itself), so the two files do not import each other. */
export interface DiscoveredDevices {
  get(id: string): Device | undefined;
  add(input: DeviceInput, origin: Device['origin']): Device;
  remove(id: string): void;
  /** Swaps in a re-announced device, keeping what the user changed (registry.ts). */
  replaceDiscovered(device: Device): Device;
  findByDiscoveryTopic(topic: string): Device | undefined;
  /** The id of the area with this name or id, if any. */
  findArea(nameOrId: string): string | undefined;
}

export interface DiscoveryIngestDeps {
  registry: DiscoveredDevices;
  transport: MqttTransport;
  bus: EventBus<HubEvents>;
  log: Logger;
  prefix?: string;
  maxPayloadBytes?: number;
  /**
   * The broker's ACL for the device that may publish this discovery topic (the id at its third level): why it may
   * not use one of `topics`, or undefined. Set with the embedded broker, whose ACL the hub knows.
   */
  announcedTopicsProblem?: (ownerId: string, topics: string[]) => string | undefined;
}

/** Every topic a discovery config names: `*_topic` fields and the `availability` list's topics. */
function configTopics(config: Record<string, unknown>): string[] {
  const found: string[] = [];
  for (const [key, value] of Object.entries(config)) {
    if (key.endsWith('topic') && key !== 'discovery_topic' && typeof value === 'string') found.push(value);
  }
  if (Array.isArray(config.availability)) {
    for (const entry of config.availability as { topic?: unknown }[])
      if (typeof entry?.topic === 'string') found.push(entry.topic);
  }
  return found;
}

export class DiscoveryIngest {
  private unsubscribes: (() => Promise<void>)[] = [];
  private readonly log: Logger;
  private readonly prefix: string;

  constructor(private readonly deps: DiscoveryIngestDeps) {
    this.log = deps.log.child({ module: 'discovery' });
    this.prefix = deps.prefix ?? DISCOVERY_PREFIX;
  }

  async start(): Promise<void> {
    for (const filter of discoveryFilters(this.prefix)) {
      this.unsubscribes.push(await this.deps.transport.subscribe(filter, (m) => this.safeIngest(m)));
    }
  }

  async stop(): Promise<void> {
    const list = this.unsubscribes;
    this.unsubscribes = [];
    await Promise.all(list.map((u) => u().catch(() => {})));
  }

  private safeIngest(message: MqttMessage): void {
    try {
      this.ingest(message);
    } catch (err) {
      this.reject(message, `could not apply the config: ${(err as Error).message}`);
    }
  }

  /** Handles one discovery message; exposed for tests that feed configs without a broker. */
  ingest(message: MqttMessage): void {
    const parsedTopic = parseDiscoveryTopic(message.topic, this.prefix);
    if (!parsedTopic) return this.reject(message, 'not a discovery config topic');
    const { registry } = this.deps;
    const existing = registry.findByDiscoveryTopic(message.topic);
    if (message.payload.length === 0) {
      if (existing) {
        registry.remove(existing.id);
        this.log.info({ deviceId: existing.id, topic: message.topic }, 'discovered device removed');
      }
      return;
    }
    const max = this.deps.maxPayloadBytes ?? 64 * 1024;
    if (message.payload.length > max)
      return this.reject(message, `config of ${message.payload.length} bytes exceeds ${max}`);
    let raw: unknown;
    try {
      raw = JSON.parse(message.payload.toString('utf8'));
    } catch {
      return this.reject(message, 'config is not valid JSON');
    }
    const result = interpretDiscoveryConfig(message.topic, parsedTopic, raw);
    if (!result.ok) return this.reject(message, result.reason);
    const found = result.device;
    const misplaced = this.topicProblem(parsedTopic.nodeId ?? parsedTopic.objectId, configTopics(found.driverConfig));
    if (misplaced) return this.reject(message, misplaced);

    if (existing) {
      if (existing.id !== found.id) {
        // The unique id changed: the old device is gone and a new one appears.
        registry.remove(existing.id);
      } else {
        const same = isDeepStrictEqual(existing.driverConfig, found.driverConfig) && existing.type === found.type;
        if (!same) {
          const next = {
            ...existing,
            type: found.type,
            capabilities: found.capabilities,
            driverConfig: found.driverConfig,
          };
          if (found.deviceClass) next.deviceClass = found.deviceClass;
          registry.replaceDiscovered(next);
          this.log.info({ deviceId: found.id }, 'discovered device updated');
        }
        return;
      }
    }
    const clash = registry.get(found.id);
    if (clash) {
      return this.reject(
        message,
        `device id "${found.id}" is already used by a ${clash.origin} device announced elsewhere; give it another unique_id`,
      );
    }
    const input: DeviceInput = {
      id: found.id,
      name: found.name,
      type: found.type,
      driver: HA_DISCOVERY_PROTOCOL,
      driverConfig: found.driverConfig,
      capabilities: found.capabilities,
    };
    if (found.deviceClass) input.deviceClass = found.deviceClass;
    const area = found.suggestedArea ? registry.findArea(found.suggestedArea) : undefined;
    if (area) input.area = area;
    registry.add(input, 'discovery');
    this.log.info({ deviceId: found.id, type: found.type, topic: message.topic }, 'device discovered');
  }

  /**
   * The hub will publish commands to the topics a config names and believe what arrives on them, so a config may
   * only name topics its announcer could use itself: never `$` or a native device's `hearth/…` tree (else one
   * device could have the hub command another, e.g. unlock a lock through a "light"), and, on the embedded
   * broker, only topics inside the ACL of the device that owns the discovery topic.
   */
  private topicProblem(ownerId: string, topics: string[]): string | undefined {
    for (const topic of topics) {
      if (topic.startsWith('$') || topic.split('/')[0] === TOPIC_ROOT)
        return `config names topic "${topic}", which belongs to the broker or a native device; a discovered device may only use its own topics`;
    }
    return this.deps.announcedTopicsProblem?.(ownerId, topics);
  }

  private reject(message: MqttMessage, reason: string): void {
    this.log.warn({ topic: message.topic, reason }, 'discovery config rejected');
    this.deps.bus.emit('inputRejected', {
      source: 'mqtt',
      reason,
      topic: message.topic,
      ...(message.clientId ? { clientId: message.clientId } : {}),
    });
  }
}
