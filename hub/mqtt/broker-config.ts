import { z } from 'zod';
import { HubError } from '../sdk/errors.js';
import { RETAINED_FLUSH_INTERVAL_MS } from './retained-write-behind.js';

/** aedes' default: a 60 s heartbeat, wills of dead brokers swept every 4 heartbeats. */
export const DEAD_BROKER_SWEEP_MS = 240_000;

export const failedLoginsSchema = z.object({
  freeAttempts: z.number().int().min(1).max(1000).default(5),
  baseDelayMs: z.number().int().min(10).max(60_000).default(1000),
  maxDelayMs: z.number().int().min(10).max(3_600_000).default(60_000),
  /** Wrong passwords a second (all addresses together) above which every address waits from its first one. */
  floodPerSecond: z.number().int().min(1).max(100_000).default(20),
  /** Addresses remembered at most (the oldest forgotten first), so a flood from many addresses cannot grow memory. */
  maxKeys: z.number().int().min(10).max(1_000_000).default(10_000),
});

/**
 * The `mqtt` config keys the embedded broker reads, with their bounds and defaults: hub/config/schema.ts spreads them
 * into its `mqtt` section, and the broker checks its slice again with them at its own edge (parseBrokerConfig).
 */
export const embeddedBrokerKeys = {
  /** Where the broker listens for devices. */
  host: z.string().min(1).default('0.0.0.0'),
  port: z.number().int().min(0).max(65535).default(1883),
  allowAnonymous: z.boolean().default(false),
  /** Larger publishes are dropped and logged. */
  maxPayloadBytes: z
    .number()
    .int()
    .min(256)
    .max(16 * 1024 * 1024)
    .default(256 * 1024),
  /**
   * Retained messages reach SQLite at most this long after they were published (retained-write-behind.ts); 0 = before
   * aedes stores them. A crash can lose this window (docs/mqtt.md).
   */
  retainedFlushMs: z.number().int().min(0).max(60_000).default(RETAINED_FLUSH_INTERVAL_MS),
  /**
   * How often the wills left by a broker that died (an unclean hub exit) are looked for and published; aedes'
   * heartbeat is a quarter of it, and a broker silent for three heartbeats counts as dead.
   */
  deadBrokerSweepMs: z.number().int().min(200).max(3_600_000).default(DEAD_BROKER_SWEEP_MS),
  /** Wrong passwords from one address before its CONNECTs wait, doubling from baseDelayMs up to maxDelayMs. */
  failedLogins: failedLoginsSchema.prefault({}),
  /** Refusals (bad CONNECTs, publishes, subscriptions) logged a second at most; the rest are counted in a summary. */
  rejectionsLoggedPerSecond: z.number().int().min(1).max(100_000).default(20),
  /** Distinct topics with a retained message one device may have (retained-topics.ts); more are refused. */
  maxRetainedTopicsPerDevice: z.number().int().min(1).max(100_000).default(128),
  /** Client ids of one device with a persistent session holding subscriptions (session-budget.ts). */
  maxSessionsPerDevice: z.number().int().min(1).max(10_000).default(8),
  /** Subscriptions one connection may hold; more get 0x80. */
  maxSubscriptionsPerClient: z.number().int().min(1).max(100_000).default(100),
  /** Messages queued for the offline sessions of one device together; more are dropped (and logged). */
  maxQueuedMessagesPerDevice: z.number().int().min(1).max(1_000_000).default(1000),
  /** Bytes of payload queued for the offline sessions of one device together. */
  maxQueuedBytesPerDevice: z
    .number()
    .int()
    .min(1024)
    .max(1024 * 1024 * 1024)
    .default(4 * 1024 * 1024),
};

/** The embedded broker's settings; other `mqtt` keys (url, commandTimeoutMs…) are ignored, so `config.mqtt` can be passed as it is. */
export const embeddedBrokerConfigSchema = z.object({
  ...embeddedBrokerKeys,
  /** How long a socket may stay open without a CONNECT (aedes' default is 30 s). Not a config key. */
  connectTimeoutMs: z.number().int().min(100).max(120_000).default(10_000),
  /** Not a config key. */
  maxConnections: z.number().int().min(1).max(100_000).default(1024),
});
export type EmbeddedBrokerConfig = z.input<typeof embeddedBrokerConfigSchema>;
export type ResolvedBrokerConfig = z.output<typeof embeddedBrokerConfigSchema>;

export function parseBrokerConfig(input: unknown): ResolvedBrokerConfig {
  const result = embeddedBrokerConfigSchema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `mqtt.${i.path.join('.')}: ${i.message}`).join('; ');
  throw new HubError(
    'CONFIG_INVALID',
    `Invalid embedded MQTT broker settings: ${problems}. Fix them in the config file.`,
  );
}

/** Room for the fixed header, a topic of up to 64 KiB (§1.5.3) and MQTT 5 properties around the payload. */
export function maxPacketBytes(maxPayloadBytes: number): number {
  return maxPayloadBytes + 65_536 + 4_096;
}
