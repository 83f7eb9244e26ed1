/**
 * Builds drivers for Hearth's native protocol (protocol.ts): every native driver shares the
 * topics and the ack mechanism and differs only in which devices, state attributes and
 * command parameters it knows.
 */
import type { z } from 'zod';
import type { DeviceType } from './devices.js';
import {
  ackPayloadSchema,
  availabilityPayloadSchema,
  commandPayloadSchema,
  eventPayloadSchema,
  statePayloadSchema,
  topics,
} from './protocol.js';
import {
  defineDriver,
  describeIssues,
  invalidParams,
  parseJson,
  unsupportedCommand,
  type DriverDefinition,
  type DriverDevice,
  type DriverInput,
  type ParseResult,
} from './driver.js';
import { isPlainJsonObject, stateFastCheck } from './native-state-fast-path.js';

/** Command name → schema of its params (an absent `params` is checked as `{}`). */
export type CommandSchemas = Record<string, z.ZodType<Record<string, unknown>>>;

export interface NativeDriverSpec {
  name: string;
  /** Device types this driver handles; omit to handle every type (the generic fallback). */
  types?: readonly DeviceType[];
  /** Schema of the state attributes; unknown attributes should be allowed (loose objects). */
  stateSchema(device: DriverDevice): z.ZodType<Record<string, unknown>>;
  /** The commands this device accepts, with their params schemas. */
  commands(device: DriverDevice): CommandSchemas;
  /** Optional schema per event type; event types not listed are accepted as-is. */
  eventSchemas?: Record<string, z.ZodType<Record<string, unknown>>>;
}

export const NATIVE_PROTOCOL = 'hearth';

export function defineNativeDriver(spec: NativeDriverSpec): DriverDefinition {
  return defineDriver({
    name: spec.name,
    protocol: NATIVE_PROTOCOL,
    handles: (device) => spec.types === undefined || spec.types.includes(device.type),
    subscriptions: (device) => [
      { topic: topics.state(device.id), role: 'state' },
      { topic: topics.ack(device.id), role: 'ack' },
      { topic: topics.availability(device.id), role: 'availability' },
      { topic: topics.event(device.id), role: 'event' },
    ],
    parse: (device, role, message) => parseNative(spec, device, role, message.payload),
    command(device, command, correlationId) {
      const schemas = spec.commands(device);
      const schema = schemas[command.command];
      if (!schema) throw unsupportedCommand(device, command.command, Object.keys(schemas));
      const params = schema.safeParse(command.params ?? {});
      if (!params.success) throw invalidParams(device, command.command, params.error);
      const payload = commandPayloadSchema.parse({
        id: correlationId,
        command: command.command,
        ...(Object.keys(params.data).length ? { params: params.data } : {}),
      });
      return {
        publishes: [{ topic: topics.set(device.id), payload: JSON.stringify(payload), qos: 1 }],
        ack: { kind: 'correlation' },
      };
    },
  });
}

function parseNative(spec: NativeDriverSpec, device: DriverDevice, role: string, payload: Buffer): ParseResult {
  if (role === 'availability') {
    const parsed = availabilityPayloadSchema.safeParse(payload.toString('utf8').trim());
    if (!parsed.success) return { ok: false, reason: 'availability must be "online" or "offline"' };
    return { ok: true, inputs: [{ kind: 'availability', available: parsed.data === 'online' }] };
  }
  const json = parseJson(payload);
  if (!json.ok) return json;
  if (role === 'state') {
    const state = validateState(spec, device, json.value);
    return state.ok ? { ok: true, inputs: [{ kind: 'state', patch: state.value }] } : state;
  }
  if (role === 'ack') {
    const ack = ackPayloadSchema.safeParse(json.value);
    if (!ack.success) return { ok: false, reason: `invalid ack: ${describeIssues(ack.error)}` };
    if (ack.data.status === 'error') {
      return { ok: true, inputs: [{ kind: 'ack', correlationId: ack.data.id, ok: false, error: ack.data.error }] };
    }
    const inputs: DriverInput[] = [];
    let state: Record<string, unknown> | undefined;
    if (ack.data.state) {
      const checked = validateState(spec, device, ack.data.state);
      if (!checked.ok) return { ok: false, reason: `invalid state in ack: ${checked.reason}` };
      state = checked.value;
      inputs.push({ kind: 'state', patch: state });
    }
    inputs.push({ kind: 'ack', correlationId: ack.data.id, ok: true, ...(state ? { state } : {}) });
    return { ok: true, inputs };
  }
  if (role === 'event') {
    const event = eventPayloadSchema.safeParse(json.value);
    if (!event.success) return { ok: false, reason: `invalid event: ${describeIssues(event.error)}` };
    const { type, ...data } = event.data;
    const schema = spec.eventSchemas?.[type];
    if (schema) {
      const checked = schema.safeParse(data);
      if (!checked.success) return { ok: false, reason: `invalid "${type}" event: ${describeIssues(checked.error)}` };
      return { ok: true, inputs: [{ kind: 'event', type, data: checked.data }] };
    }
    return { ok: true, inputs: [{ kind: 'event', type, data }] };
  }
  return { ok: false, reason: `no handler for topic role "${role}"` };
}

function validateState(
  spec: NativeDriverSpec,
  device: DriverDevice,
  value: unknown,
): { ok: true; value: Record<string, unknown> } | { ok: false; reason: string } {
  // The common shapes skip zod (native-state-fast-path.ts); anything else, and every error, goes through it.
  const schema = spec.stateSchema(device);
  if (isPlainJsonObject(value) && stateFastCheck(schema)?.(value)) return { ok: true, value };
  const base = statePayloadSchema.safeParse(value);
  if (!base.success) return { ok: false, reason: 'state must be a JSON object of attributes' };
  const typed = schema.safeParse(base.data);
  if (!typed.success) return { ok: false, reason: `invalid ${device.type} state: ${describeIssues(typed.error)}` };
  return { ok: true, value: typed.data };
}
