import { z } from 'zod';
import { areaSchema, deviceSchema, floorSchema } from './household.js';
import { voiceConfigSchema } from '../voice/config.js';
import { commerceConfigSchema } from '../commerce/config.js';
import { skillsConfigSchema } from '../skills/config.js';
import { languageConfigSchema } from '../language/config.js';
import { wyomingConfigSchema } from '../wyoming/config.js';
import { alertsConfigSchema } from '../alerts/config.js';
import { RETAINED_FLUSH_INTERVAL_MS } from '../mqtt/retained-write-behind.js';
import { stateLimitsSchema } from '../devices/state-limits.js';
import { DEAD_BROKER_SWEEP_MS, failedLoginsSchema } from '../mqtt/broker-config.js';
import { DEFAULT_SLOW_CHECKS } from '../mqtt/slow-check-queue.js';
import { SHARE_GROUP_PATTERN } from '../mqtt/shared-subscriptions.js';

const port = z.number().int().min(0).max(65535);

/** The shape of each key; rules between keys are in relations.ts, checked beside this so every problem shows at once. */
export const hubConfigSchema = z.strictObject({
  dataDir: z.string().min(1).default('./data'),
  logLevel: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  http: z
    .strictObject({
      host: z.string().min(1).default('127.0.0.1'),
      port: port.default(8080),
      /** Refuse (500) any API reply that does not match its route's declared schema: for tests and development. */
      checkReplies: z.boolean().default(false),
    })
    .prefault({}),
  mqtt: z
    .strictObject({
      host: z.string().min(1).default('0.0.0.0'),
      port: port.default(1883),
      /** Set to use an external broker (mqtt://user:pass@host:1883) instead of the embedded one. */
      url: z.string().url().optional(),
      /** MQTT protocol for the external broker: 4 = 3.1.1, 5 = MQTT 5. The embedded broker speaks 3.1.1. */
      protocolVersion: z.union([z.literal(4), z.literal(5)]).default(4),
      /** External broker only: hubs with the same group share device state/event traffic via `$share/<group>/…` (docs/scaling.md). */
      shareGroup: z.string().regex(SHARE_GROUP_PATTERN, 'must be 1-64 letters, digits, "-" or "_"').optional(),
      allowAnonymous: z.boolean().default(false),
      maxPayloadBytes: z
        .number()
        .int()
        .min(256)
        .max(16 * 1024 * 1024)
        .default(256 * 1024),
      commandTimeoutMs: z.number().int().min(100).max(120_000).default(5000),
      /** Embedded broker: retained messages reach SQLite at most this long after they arrive; a crash can lose this window (docs/mqtt.md). */
      retainedFlushMs: z.number().int().min(0).max(60_000).default(RETAINED_FLUSH_INTERVAL_MS),
      /** Embedded broker: how often the last wills left by a hub that exited uncleanly are checked and published. */
      deadBrokerSweepMs: z.number().int().min(200).max(3_600_000).default(DEAD_BROKER_SWEEP_MS),
      /** Embedded broker: wrong passwords from one address before its CONNECTs are refused for a while (doubling). */
      failedLogins: failedLoginsSchema.prefault({}),
      /** Embedded broker: slow (scrypt, from older hubs) password checks that may wait at once; more get CONNACK 3. */
      maxWaitingPasswordChecks: z.number().int().min(1).max(10_000).default(DEFAULT_SLOW_CHECKS.maxWaiting),
      /** Embedded broker: refusals logged a second at most (a flood is summarised, not logged line by line). */
      rejectionsLoggedPerSecond: z.number().int().min(1).max(100_000).default(20),
      /** Embedded broker: distinct topics with a retained message one device may have; more are refused. */
      maxRetainedTopicsPerDevice: z.number().int().min(1).max(100_000).default(128),
      /** Embedded broker: client ids of one device with a persistent session holding subscriptions. */
      maxSessionsPerDevice: z.number().int().min(1).max(10_000).default(8),
      /** Embedded broker: subscriptions one connection may hold; more get 0x80. */
      maxSubscriptionsPerClient: z.number().int().min(1).max(100_000).default(100),
      /** Embedded broker: messages (and bytes) queued for the offline sessions of one device; more are dropped and logged. */
      maxQueuedMessagesPerDevice: z.number().int().min(1).max(1_000_000).default(1000),
      maxQueuedBytesPerDevice: z
        .number()
        .int()
        .min(1024)
        .max(1024 * 1024 * 1024)
        .default(4 * 1024 * 1024),
    })
    .prefault({}),
  floors: z.array(floorSchema).default([]),
  areas: z.array(areaSchema).default([]),
  devices: z.array(deviceSchema).default([]),
  /** What one device's state may become (hub/devices/state-limits.ts); over-limit messages are refused and logged. */
  deviceState: stateLimitsSchema.prefault({}),
  voice: voiceConfigSchema.prefault({}),
  commerce: commerceConfigSchema.prefault({}),
  skills: skillsConfigSchema.prefault({}),
  language: languageConfigSchema.prefault({}),
  wyoming: wyomingConfigSchema.prefault({}),
  alerts: alertsConfigSchema.prefault({}),
});

export type HubConfig = z.infer<typeof hubConfigSchema>;
