import { z } from 'zod';
import { spokenConfirmSchema } from './confirm-config.js';

const publisherKey = z.strictObject({
  /** Publisher name shown at install, e.g. "acme". */
  id: z.string().regex(/^[a-z0-9][a-z0-9_.-]{0,63}$/, 'must be lowercase letters, digits, ".", "-" or "_"'),
  /** Ed25519 public key: PEM (SPKI) or the 32 raw bytes in base64. */
  publicKey: z.string().min(40),
});

export const skillsConfigSchema = z.strictObject({
  /** Time limit for one call into a skill (handle or follow-up); time spent waiting for devices does not count. */
  callTimeoutMs: z.number().int().min(50).max(60_000).default(2000),
  /** In all, how long one skill call may wait for devices to acknowledge its commands. */
  maxDeviceWaitMs: z.number().int().min(100).max(600_000).default(30_000),
  /** V8 heap limit of a third-party skill's sandbox. */
  memoryLimitMb: z.number().int().min(16).max(4096).default(64),
  /** The whole sandbox process (heap, buffers, code): allocations past it fail, and a process over it is stopped. */
  processMemoryLimitMb: z.number().int().min(64).max(16_384).default(160),
  /** Share of a second a skill's sandbox may keep a core busy while none of its calls runs; above it is stopped and counted as a failure. */
  idleCpuPercent: z.number().int().min(1).max(100).default(50),
  /** Lines of a skill's output (console, stdout, stderr) logged a second at most; the rest are counted. */
  outputLinesPerSecond: z.number().int().min(1).max(10_000).default(10),
  /** Failures in a row after which a skill is disabled until it is reinstalled or re-enabled. */
  maxConsecutiveFailures: z.number().int().min(1).max(100).default(3),
  /** How long a follow-up question ("which one?") stays open. */
  dialogTimeoutMs: z.number().int().min(1000).max(600_000).default(30_000),
  /** Publishers whose signatures `skill install` accepts. */
  trustedPublishers: z.array(publisherKey).default([]),
  /** Skill store: a directory or an http(s) URL. */
  storeUrl: z.string().min(1).optional(),
  /** Built-in skills to leave out, by id. */
  disabledBuiltins: z.array(z.string()).default([]),
  /** Spoken "yes" (or PIN) before a voice/typed command unlocks a lock or the car or opens a garage door, gate or door. */
  confirm: spokenConfirmSchema.prefault({}),
});
export type SkillsConfig = z.infer<typeof skillsConfigSchema>;
export type TrustedPublisher = z.infer<typeof publisherKey>;
