/** Commands waiting for their acknowledgement, with their timeouts. */
import type { Clock, TimerHandle } from '../core/clock.js';
import type { AckExpectation, DeviceState } from '../sdk/index.js';
import type { HubError } from '../sdk/index.js';

export interface PendingCommand {
  correlationId: string;
  deviceId: string;
  command: string;
  ack: AckExpectation;
  startedAt: number;
  resolve(state: DeviceState): void;
  reject(error: HubError): void;
}

interface Entry extends PendingCommand {
  timer: TimerHandle;
}

export class PendingCommands {
  private readonly byId = new Map<string, Entry>();

  constructor(private readonly clock: Clock) {}

  get size(): number {
    return this.byId.size;
  }

  /** Registers a command; `onTimeout` builds the DEVICE_TIMEOUT error when the clock runs out. */
  add(command: PendingCommand, timeoutMs: number, onTimeout: () => HubError): void {
    const timer = this.clock.setTimeout(() => {
      if (this.byId.delete(command.correlationId)) command.reject(onTimeout());
    }, timeoutMs);
    this.byId.set(command.correlationId, { ...command, timer });
  }

  /** Resolves or rejects the command with this correlation id; false if none is waiting. */
  settleById(correlationId: string, outcome: { state: DeviceState } | { error: HubError }): boolean {
    const entry = this.take(correlationId);
    if (!entry) return false;
    if ('error' in outcome) entry.reject(outcome.error);
    else entry.resolve(outcome.state);
    return true;
  }

  /** Resolves every state-acknowledged command of this device whose expectation the state now meets. */
  settleByState(deviceId: string, state: DeviceState): void {
    // Called for every state message; almost always nothing waits, and the copy below would be garbage.
    if (this.byId.size === 0) return;
    for (const entry of [...this.byId.values()]) {
      if (entry.deviceId !== deviceId || entry.ack.kind !== 'state') continue;
      if (entry.ack.matches(state)) this.take(entry.correlationId)?.resolve(state);
    }
  }

  /** Rejects every command waiting on this device (it went offline or was removed). */
  rejectDevice(deviceId: string, error: () => HubError): void {
    for (const entry of [...this.byId.values()]) {
      if (entry.deviceId === deviceId) this.take(entry.correlationId)?.reject(error());
    }
  }

  rejectAll(error: () => HubError): void {
    for (const id of [...this.byId.keys()]) this.take(id)?.reject(error());
  }

  private take(correlationId: string): Entry | undefined {
    const entry = this.byId.get(correlationId);
    if (!entry) return undefined;
    this.byId.delete(correlationId);
    this.clock.clearTimeout(entry.timer);
    return entry;
  }
}
