/**
 * Hearth's native MQTT topic contract (documented in docs/mqtt.md).
 * Shared by the hub's native driver and by firmware (real or simulated): it is the public wire format.
 *
 *   hearth/<deviceId>/state         device → hub, retained   JSON object of attributes
 *   hearth/<deviceId>/set           hub → device             {id, command, params?}
 *   hearth/<deviceId>/ack           device → hub             {id, status:"ok", state?} | {id, status:"error", error}
 *   hearth/<deviceId>/availability  device → hub, retained   "online" | "offline" (the last will says "offline")
 *   hearth/<deviceId>/event         device → hub             {type, ...}
 *
 * A device authenticated as <deviceId> may publish and subscribe only below hearth/<deviceId>/.
 */
import { z } from 'zod';

export const TOPIC_ROOT = 'hearth';
export const DEVICE_ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/;

export const topics = {
  state: (deviceId: string) => `${TOPIC_ROOT}/${deviceId}/state`,
  set: (deviceId: string) => `${TOPIC_ROOT}/${deviceId}/set`,
  ack: (deviceId: string) => `${TOPIC_ROOT}/${deviceId}/ack`,
  availability: (deviceId: string) => `${TOPIC_ROOT}/${deviceId}/availability`,
  event: (deviceId: string) => `${TOPIC_ROOT}/${deviceId}/event`,
  /** Everything a device may touch. */
  deviceSubtree: (deviceId: string) => `${TOPIC_ROOT}/${deviceId}/#`,
} as const;

export type NativeTopicKind = 'state' | 'set' | 'ack' | 'availability' | 'event';

const correlationId = z.string().min(1).max(64);

export const statePayloadSchema = z.record(z.string(), z.unknown());

export const commandPayloadSchema = z.object({
  id: correlationId,
  command: z.string().min(1).max(64),
  params: z.record(z.string(), z.unknown()).optional(),
});
export type CommandPayload = z.infer<typeof commandPayloadSchema>;

export const ackPayloadSchema = z.discriminatedUnion('status', [
  z.object({ id: correlationId, status: z.literal('ok'), state: statePayloadSchema.optional() }),
  z.object({
    id: correlationId,
    status: z.literal('error'),
    error: z.object({ code: z.string(), message: z.string() }),
  }),
]);
export type AckPayload = z.infer<typeof ackPayloadSchema>;

export const availabilityPayloadSchema = z.enum(['online', 'offline']);
export type AvailabilityPayload = z.infer<typeof availabilityPayloadSchema>;

export const eventPayloadSchema = z.object({ type: z.string().min(1).max(64) }).catchall(z.unknown());
export type EventPayload = z.infer<typeof eventPayloadSchema>;
