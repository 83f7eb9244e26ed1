/**
 * The `wyoming` config section: Hearth as a Wyoming server (off by default), the satellites it drives,
 * how patiently it talks to external services, and the framing limits every connection gets. The external
 * services themselves are named under `voice` (`voice.stt.wyoming`, `voice.tts.wyoming`, `voice.wake.wyoming`),
 * beside the local engines they stand in front of.
 */
import { z } from 'zod';
import { wyomingUriSchema } from './uri.js';

const ms = (min: number, max: number) => z.number().int().min(min).max(max);
const bytes = (min: number, max: number) => z.number().int().min(min).max(max);

export const wyomingServerConfigSchema = z.strictObject({
  /** Off by default: the protocol has no authentication, so it is opened on purpose. */
  enabled: z.boolean().default(false),
  /** 127.0.0.1 keeps it on this machine; Home Assistant on another machine needs the LAN address or 0.0.0.0. */
  host: z.string().min(1).default('127.0.0.1'),
  /** 10600 is free of the usual Wyoming services (piper 10200, whisper 10300, openWakeWord 10400, satellites 10700). */
  port: z.number().int().min(0).max(65535).default(10600),
  /** Peer IP addresses allowed to connect (e.g. Home Assistant's); empty allows any that can reach `host`. */
  allowedClients: z.array(z.ipv4().or(z.ipv6())).max(64).default([]),
  /** The program name Home Assistant shows for the services. */
  name: z.string().trim().min(1).max(60).default('Hearth'),
  /** Offer `handle` (text → Hearth's skills act on it and reply); off leaves asr, intent recognition and tts. */
  handle: z.boolean().default(true),
  maxConnections: z.number().int().min(1).max(256).default(8),
});

export const wyomingSatelliteConfigSchema = z.strictObject({
  /** Names the satellite in logs, the voice log (`wyoming-satellite:<id>`) and /status. */
  id: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'lower-case letters, digits, "-" or "_" (max 64)'),
  /** Where the satellite listens (wyoming-satellite's default port is 10700). */
  uri: wyomingUriSchema,
  /** Area id or name its commands act in ("turn on the light" → that area's light); unset: the area the satellite reports, if Hearth knows it. */
  area: z.string().min(1).max(100).optional(),
});

export const wyomingConfigSchema = z
  .strictObject({
    server: wyomingServerConfigSchema.prefault({}),
    /** Wyoming satellites Hearth connects to and serves (wyoming-satellite and the like). */
    satellites: z
      .array(wyomingSatelliteConfigSchema)
      .max(32)
      .default([])
      .refine((list) => new Set(list.map((s) => s.id)).size === list.length, 'satellite ids must be unique'),
    /** How Hearth talks to the Wyoming services named in voice.stt/tts/wake.wyoming and to satellites. */
    client: z
      .strictObject({
        /** A service that does not accept the connection this fast counts as down (its local fallback takes over). */
        connectTimeoutMs: ms(100, 30_000).default(1000),
        /** Longest silence while an answer is due (transcript after audio-stop, the next audio of a reply, info after describe). */
        replyTimeoutMs: ms(200, 60_000).default(1500),
        /**
         * When the STT service has not sent its transcript this long after audio-stop, the local recogniser starts on
         * the kept audio beside it, so one that never answers costs replyTimeoutMs, not replyTimeoutMs plus a decode.
         * 0 decodes every utterance twice; replyTimeoutMs or more turns it off.
         */
        localHedgeMs: ms(0, 60_000).default(500),
        /** A service found down is tried again after this, doubling up to retryMaxMs. */
        retryMinMs: ms(100, 600_000).default(1000),
        retryMaxMs: ms(100, 3_600_000).default(30_000),
        /** Satellites are pinged this often; one silent for this plus replyTimeoutMs is reconnected. */
        satellitePingMs: ms(500, 600_000).default(5000),
        /** How long a satellite may take to play a reply before `played` is given up on, beyond the reply's own length. */
        playedGraceMs: ms(0, 120_000).default(10_000),
      })
      .refine((c) => c.retryMaxMs >= c.retryMinMs, { path: ['retryMaxMs'], message: 'must be at least retryMinMs' })
      .prefault({}),
    /** Framing limits for every Wyoming connection, in and out; a peer over them is disconnected, nothing else is. */
    limits: z
      .strictObject({
        maxHeaderBytes: bytes(256, 1024 * 1024).default(16 * 1024),
        maxDataBytes: bytes(256, 16 * 1024 * 1024).default(256 * 1024),
        maxPayloadBytes: bytes(1024, 64 * 1024 * 1024).default(1024 * 1024),
        /** A frame that has started must be complete within this (peers that trickle bytes are cut off). */
        frameTimeoutMs: ms(100, 600_000).default(5000),
        /** A server connection with no event for this long is closed. */
        idleTimeoutMs: ms(1000, 3_600_000).default(120_000),
        /** Audio after audio-start beyond this is refused and the connection closed. */
        maxStreamMs: ms(1000, 3_600_000).default(60_000),
        /** Events waiting to be handled before the connection stops reading (TCP backpressure). */
        maxQueuedEvents: z.number().int().min(4).max(100_000).default(512),
      })
      .prefault({}),
    /** Announce the server as `_wyoming._tcp.local.` so Home Assistant discovers it (docs/wyoming.md). */
    zeroconf: z
      .strictObject({
        enabled: z.boolean().default(false),
        /** The instance name; unset: `hearth-<hostname>`. */
        name: z.string().trim().min(1).max(63).optional(),
      })
      .prefault({}),
  })
  .superRefine((config, ctx) => {
    if (!config.zeroconf.enabled) return;
    if (!config.server.enabled)
      ctx.addIssue({
        code: 'custom',
        path: ['zeroconf', 'enabled'],
        message: 'announces the Wyoming server: turn on wyoming.server.enabled too',
      });
    else if (/^(127\.|::1$|localhost$)/.test(config.server.host))
      ctx.addIssue({
        code: 'custom',
        path: ['zeroconf', 'enabled'],
        message: `the server listens on ${config.server.host}, which other machines cannot reach: set wyoming.server.host to this machine's LAN address or 0.0.0.0`,
      });
  });

export type WyomingConfig = z.infer<typeof wyomingConfigSchema>;
