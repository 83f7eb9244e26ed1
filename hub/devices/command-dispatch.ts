/**
 * One command's life: correlation id, the driver's publishes, then waiting for what the driver
 * says counts as the acknowledgement (a correlated ack, a matching state report, or nothing for
 * optimistic devices), with a timeout on the hub's clock.
 */
import { randomUUID } from 'node:crypto';
import type { Clock } from '../core/clock.js';
import type { EventBus } from '../core/event-bus.js';
import type { HubEvents } from '../core/events.js';
import type { MqttTransport } from '../mqtt/transport.js';
import {
  HubError,
  isHubError,
  type Device,
  type DeviceCommand,
  type DeviceState,
  type DriverDefinition,
} from '../sdk/index.js';
import type { CommandResult } from './contracts.js';
import type { PendingCommands } from './pending-commands.js';

export interface DispatchContext {
  pending: PendingCommands;
  transport: MqttTransport;
  bus: EventBus<HubEvents>;
  clock: Clock;
  applyState(deviceId: string, patch: DeviceState): void;
  currentState(deviceId: string): DeviceState;
}

export async function dispatchCommand(
  ctx: DispatchContext,
  device: Device,
  driver: DriverDefinition,
  command: DeviceCommand,
  timeoutMs: number,
): Promise<CommandResult> {
  const id = device.id;
  const correlationId = randomUUID();
  // Throws UNSUPPORTED_COMMAND / VALIDATION_FAILED before anything is published.
  const plan = driver.command(device, command, correlationId);
  const startedAt = ctx.clock.now();
  const outcome = new Promise<DeviceState>((resolve, reject) => {
    if (plan.ack.kind === 'optimistic') return resolve({});
    const ack = plan.ack;
    ctx.pending.add(
      { correlationId, deviceId: id, command: command.command, ack, startedAt, resolve, reject },
      timeoutMs,
      () => {
        const what = ack.kind === 'state' ? `report ${ack.description} after` : 'acknowledge';
        return new HubError(
          'DEVICE_TIMEOUT',
          `The ${device.name} did not ${what} "${command.command}" within ${timeoutMs} ms; is it online?`,
          { deviceId: id, correlationId, timeoutMs },
        );
      },
    );
  });
  // Settled below; this only keeps a rejection during publishing from counting as unhandled.
  outcome.catch(() => {});
  ctx.bus.emit('commandSent', {
    deviceId: id,
    correlationId,
    command: command.command,
    ...(command.params ? { params: command.params } : {}),
  });
  try {
    for (const p of plan.publishes) {
      await ctx.transport.publish(p.topic, p.payload, { qos: p.qos ?? 1, retain: p.retain ?? false });
    }
    if (plan.ack.kind === 'optimistic') ctx.applyState(id, plan.ack.state);
    await outcome;
    const ms = ctx.clock.now() - startedAt;
    ctx.bus.emit('commandCompleted', { deviceId: id, correlationId, ok: true, ms });
    return { deviceId: id, correlationId, state: ctx.currentState(id), ms };
  } catch (err) {
    ctx.pending.settleById(correlationId, { error: new HubError('INTERNAL', 'publish failed') });
    const error = isHubError(err)
      ? err
      : new HubError(
          'DEVICE_UNAVAILABLE',
          `Could not send the command to the ${device.name}: ${(err as Error).message}. Check the MQTT connection.`,
        );
    ctx.bus.emit('commandCompleted', {
      deviceId: id,
      correlationId,
      ok: false,
      error: error.message,
      ms: ctx.clock.now() - startedAt,
    });
    throw error;
  }
}
