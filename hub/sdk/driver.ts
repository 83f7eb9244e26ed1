/**
 * The driver contract: how the hub speaks one device protocol.
 *
 * A driver says which devices it handles, which topics to subscribe for a device,
 * how an incoming message becomes state / availability / an event / an acknowledgement,
 * and how a `DeviceCommand` becomes publishes plus what counts as its acknowledgement.
 * Drivers are pure: they never touch MQTT themselves; the hub's registry does the I/O.
 */
import type { z } from 'zod';
import type { Device, DeviceCommand, DeviceState } from './devices.js';
import { HubError } from './errors.js';

/** The part of a registered device a driver may read. */
export type DriverDevice = Pick<
  Device,
  'id' | 'name' | 'type' | 'deviceClass' | 'driverConfig' | 'capabilities' | 'state' | 'available'
>;

/** One topic to subscribe for a device; `role` is handed back to `parse` with each message. */
export interface DriverSubscription {
  topic: string;
  role: string;
}

export interface IncomingMessage {
  topic: string;
  payload: Buffer;
  retain: boolean;
}

/** What one message meant. A message may carry several (e.g. an ack carrying state). */
export type DriverInput =
  | { kind: 'state'; patch: DeviceState }
  | {
      kind: 'availability';
      available: boolean;
      /** For devices with several availability topics: which one spoke, and how they combine (default `latest`). */
      channel?: string;
      mode?: 'all' | 'any' | 'latest';
    }
  | { kind: 'event'; type: string; data: Record<string, unknown> }
  | { kind: 'ack'; correlationId: string; ok: true; state?: DeviceState }
  | { kind: 'ack'; correlationId: string; ok: false; error: { code: string; message: string } };

export type ParseResult = { ok: true; inputs: DriverInput[] } | { ok: false; reason: string };

export interface Publish {
  topic: string;
  payload: string;
  retain?: boolean;
  qos?: 0 | 1;
}

/**
 * What counts as the device's acknowledgement of a command:
 * - `correlation`: an `ack` input carrying the command's correlation id (Hearth native protocol);
 * - `state`: the device reports state for which `matches` is true (Home Assistant discovery:
 *   no ack exists, the state topic echoing the commanded value is the acknowledgement);
 * - `optimistic`: nothing will come back (no state topic); the command counts as done once
 *   published, and `state` is what the device is assumed to be in now.
 */
export type AckExpectation =
  | { kind: 'correlation' }
  | { kind: 'state'; matches: (state: DeviceState) => boolean; description: string }
  | { kind: 'optimistic'; state: DeviceState };

export interface CommandPlan {
  publishes: Publish[];
  ack: AckExpectation;
}

export interface DriverDefinition {
  /** Unique driver name, e.g. `light`, `native`, `ha-discovery`. */
  name: string;
  /** The protocol this driver speaks: matched against `Device.driver` (`hearth`, `ha-discovery`). */
  protocol: string;
  /** Whether this driver handles the device (the registry picks the first driver of the device's protocol that does). */
  handles(device: DriverDevice): boolean;
  subscriptions(device: DriverDevice): DriverSubscription[];
  /** Turns one message into inputs, or rejects it with a reason. Must never throw. */
  parse(device: DriverDevice, role: string, message: IncomingMessage): ParseResult;
  /**
   * Validates the command for this device and plans its publishes.
   * Throws HubError UNSUPPORTED_COMMAND or VALIDATION_FAILED before anything is published.
   */
  command(device: DriverDevice, command: DeviceCommand, correlationId: string): CommandPlan;
}

export function defineDriver<const T extends DriverDefinition>(definition: T): T {
  return definition;
}

/** Formats zod issues as `path: message; path: message` for error messages and rejection reasons. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(payload)'}: ${issue.message}`)
    .join('; ');
}

/** A device's name and type as used in error messages: `The kitchen light (light)`. */
export function deviceLabel(device: Pick<DriverDevice, 'name' | 'type'>): string {
  return `${device.name} (${device.type})`;
}

export function unsupportedCommand(device: DriverDevice, command: string, supported: readonly string[]): HubError {
  const list = supported.length ? `it supports ${supported.join(', ')}` : 'it accepts no commands';
  return new HubError(
    'UNSUPPORTED_COMMAND',
    `${deviceLabel(device)} does not support the command "${command}"; ${list}.`,
    { deviceId: device.id, command, supported },
  );
}

export function invalidParams(device: DriverDevice, command: string, error: z.ZodError): HubError {
  return new HubError(
    'VALIDATION_FAILED',
    `Invalid parameters for "${command}" on ${deviceLabel(device)}: ${describeIssues(error)}. Fix the parameters and try again.`,
    {
      deviceId: device.id,
      command,
      issues: error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
    },
  );
}

/** Parses a JSON payload, returning a reason instead of throwing. */
export function parseJson(payload: Buffer): { ok: true; value: unknown } | { ok: false; reason: string } {
  try {
    return { ok: true, value: JSON.parse(payload.toString('utf8')) };
  } catch (err) {
    return { ok: false, reason: `payload is not valid JSON (${(err as Error).message})` };
  }
}
