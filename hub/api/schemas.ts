/** The API's request and reply shapes: handlers validate with these and OpenAPI is generated from them. */
import { z } from 'zod';
import { DEVICE_TYPES } from '../../device-types/index.js';
import { ErrorCodes } from '../sdk/errors.js';
import { DEVICE_ID_PATTERN } from '../sdk/protocol.js';

export const idSchema = z
  .string()
  .regex(
    DEVICE_ID_PATTERN,
    'must be lowercase letters, digits, "-" or "_" (at most 64), starting with a letter or digit',
  );
const nameSchema = z.string().trim().min(1, 'must not be empty').max(100);
const aliasesSchema = z.array(nameSchema).max(32);
const deviceTypeSchema = z.enum(DEVICE_TYPES);

export const idParamsSchema = z.strictObject({ id: idSchema });

export const floorSchema = z.object({ id: idSchema, name: nameSchema, aliases: aliasesSchema });
export const floorInputSchema = z.strictObject({ id: idSchema, name: nameSchema, aliases: aliasesSchema.default([]) });
export const floorPatchSchema = z.strictObject({ name: nameSchema.optional(), aliases: aliasesSchema.optional() });

export const areaSchema = z.object({
  id: idSchema,
  name: nameSchema,
  aliases: aliasesSchema,
  floor: idSchema.optional(),
});
export const areaInputSchema = z.strictObject({
  id: idSchema,
  name: nameSchema,
  aliases: aliasesSchema.default([]),
  floor: idSchema.optional(),
});
export const areaPatchSchema = z.strictObject({
  name: nameSchema.optional(),
  aliases: aliasesSchema.optional(),
  floor: idSchema.optional(),
});

const driverConfigSchema = z.record(z.string(), z.unknown());
const capabilitiesSchema = z.array(z.string().min(1).max(64)).max(64);

export const deviceSchema = z.object({
  id: idSchema,
  name: z.string(),
  aliases: z.array(z.string()),
  area: z.string().optional(),
  type: deviceTypeSchema,
  deviceClass: z.string().optional(),
  driver: z.string(),
  driverConfig: driverConfigSchema.optional(),
  origin: z.enum(['config', 'api', 'discovery']),
  capabilities: z.array(z.string()),
  state: z.record(z.string(), z.unknown()),
  available: z.boolean(),
  lastSeen: z.string().optional(),
});

export const deviceInputSchema = z.strictObject({
  id: idSchema,
  name: nameSchema,
  aliases: aliasesSchema.optional(),
  area: idSchema.optional(),
  type: deviceTypeSchema,
  deviceClass: z.string().min(1).max(64).optional(),
  driver: z.string().min(1).max(64).optional(),
  driverConfig: driverConfigSchema.optional(),
  capabilities: capabilitiesSchema.optional(),
});
export const devicePatchSchema = deviceInputSchema.omit({ id: true }).partial();
export const deviceFilterSchema = z.strictObject({
  type: deviceTypeSchema.optional(),
  area: idSchema.optional(),
  floor: idSchema.optional(),
});

/** A device type's model for clients (device-types/<type>/): what its devices can do, driving the dashboard's controls. */
export const deviceTypeModelSchema = z.object({
  summary: z.string(),
  capabilities: z.array(z.looseObject({ kind: z.string(), feature: z.string().optional() })),
  commands: z.array(z.string()),
});
export const deviceTypeModelsSchema = z.record(z.string(), deviceTypeModelSchema);

export const commandBodySchema = z.strictObject({
  command: z.string().min(1).max(64),
  params: z.record(z.string(), z.unknown()).optional(),
  timeoutMs: z.number().int().min(100).max(120_000).optional(),
});
export const commandResultSchema = z.object({
  deviceId: z.string(),
  correlationId: z.string(),
  state: z.record(z.string(), z.unknown()),
  ms: z.number(),
});

const topicFilterSchema = z
  .string()
  .min(1)
  .max(256)
  .refine((t) => !t.includes('\u0000'), 'must not contain NUL');
export const credentialBodySchema = z.strictObject({ extraTopics: z.array(topicFilterSchema).max(32).optional() });
export const credentialSchema = z.object({
  deviceId: z.string(),
  username: z.string(),
  extraTopics: z.array(z.string()),
  createdAt: z.string(),
});
export const issuedCredentialSchema = credentialSchema.extend({ password: z.string() });

export const healthSchema = z.object({
  status: z.enum(['ok', 'starting']),
  version: z.string(),
  mqtt: z.object({ port: z.number(), url: z.string() }),
});

export const statusSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  uptimeMs: z.number(),
  components: z.record(
    z.string(),
    z.object({
      status: z.enum(['ok', 'off', 'degraded', 'missing', 'stopped', 'loading']),
      detail: z.string().optional(),
    }),
  ),
  missing: z.array(z.string()),
});

export const eventsQuerySchema = z.object({
  /** Comma-separated event names to receive; all when absent. */
  events: z.string().optional(),
  token: z.string().optional(),
});

/** Every error reply: `{error: {code, message, details?}}` (hub/api/errors.ts). */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.enum(Object.keys(ErrorCodes) as [keyof typeof ErrorCodes, ...(keyof typeof ErrorCodes)[]]),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
