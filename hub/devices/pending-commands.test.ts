import { describe, expect, it } from 'vitest';
import { ManualClock } from '../core/clock.js';
import { HubError, type DeviceState } from '../sdk/index.js';
import { PendingCommands } from './pending-commands.js';

function track() {
  const outcome: { state?: DeviceState; error?: HubError } = {};
  return {
    outcome,
    resolve: (state: DeviceState) => (outcome.state = state),
    reject: (error: HubError) => (outcome.error = error),
  };
}

describe('PendingCommands', () => {
  it('times out on the clock, and a late ack finds nothing', () => {
    const clock = new ManualClock();
    const pending = new PendingCommands(clock);
    const t = track();
    pending.add(
      { correlationId: 'a', deviceId: 'd', command: 'turn_on', ack: { kind: 'correlation' }, startedAt: 0, ...t },
      5000,
      () => new HubError('DEVICE_TIMEOUT', 'late'),
    );
    clock.advance(4999);
    expect(t.outcome).toEqual({});
    clock.advance(1);
    expect(t.outcome.error?.code).toBe('DEVICE_TIMEOUT');
    expect(pending.settleById('a', { state: {} })).toBe(false);
    expect(pending.size).toBe(0);
  });

  it('settles state-acknowledged commands only when the state matches, and only for that device', () => {
    const clock = new ManualClock();
    const pending = new PendingCommands(clock);
    const t = track();
    pending.add(
      {
        correlationId: 'b',
        deviceId: 'd',
        command: 'lock',
        ack: { kind: 'state', description: 'locked', matches: (s) => s.locked === true },
        startedAt: 0,
        ...t,
      },
      1000,
      () => new HubError('DEVICE_TIMEOUT', 'x'),
    );
    pending.settleByState('other', { locked: true });
    pending.settleByState('d', { locked: false });
    expect(t.outcome).toEqual({});
    pending.settleByState('d', { locked: true });
    expect(t.outcome.state).toEqual({ locked: true });
    clock.advance(2000);
    expect(t.outcome.error).toBeUndefined();
  });

  it('rejects everything waiting on a device that went away', () => {
    const pending = new PendingCommands(new ManualClock());
    const a = track();
    const b = track();
    pending.add(
      { correlationId: '1', deviceId: 'd', command: 'x', ack: { kind: 'correlation' }, startedAt: 0, ...a },
      10,
      () => new HubError('DEVICE_TIMEOUT', 't'),
    );
    pending.add(
      { correlationId: '2', deviceId: 'e', command: 'x', ack: { kind: 'correlation' }, startedAt: 0, ...b },
      10,
      () => new HubError('DEVICE_TIMEOUT', 't'),
    );
    pending.rejectDevice('d', () => new HubError('DEVICE_UNAVAILABLE', 'offline'));
    expect(a.outcome.error?.code).toBe('DEVICE_UNAVAILABLE');
    expect(b.outcome).toEqual({});
  });
});
