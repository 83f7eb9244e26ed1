import { z } from 'zod';
import { areaSchema, deviceSchema, floorSchema } from './household.js';
import { voiceConfigSchema } from '../voice/config.js';
import { commerceConfigSchema } from '../commerce/config.js';
import { skillsConfigSchema } from '../skills/config.js';
import { languageConfigSchema } from '../language/config.js';
import { wyomingConfigSchema } from '../wyoming/config.js';
import { alertsConfigSchema } from '../alerts/config.js';
import { stateLimitsSchema } from '../devices/state-limits.js';
import { embeddedBrokerKeys } from '../mqtt/broker-config.js';
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
      /** The embedded broker's keys and limits (hub/mqtt/broker-config.ts): host, port, allowAnonymous, maxPayloadBytes… */
      ...embeddedBrokerKeys,
      /** Set to use an external broker (mqtt://user:pass@host:1883) instead of the embedded one. */
      url: z.string().url().optional(),
      /** MQTT protocol for the external broker: 4 = 3.1.1, 5 = MQTT 5. The embedded broker speaks 3.1.1. */
      protocolVersion: z.union([z.literal(4), z.literal(5)]).default(4),
      /** External broker only: hubs with the same group share device state/event traffic via `$share/<group>/…` (docs/scaling.md). */
      shareGroup: z.string().regex(SHARE_GROUP_PATTERN, 'must be 1-64 letters, digits, "-" or "_"').optional(),
      commandTimeoutMs: z.number().int().min(100).max(120_000).default(5000),
      /** Embedded broker: slow (scrypt, from older hubs) password checks that may wait at once; more get CONNACK 3. */
      maxWaitingPasswordChecks: z.number().int().min(1).max(10_000).default(DEFAULT_SLOW_CHECKS.maxWaiting),
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
