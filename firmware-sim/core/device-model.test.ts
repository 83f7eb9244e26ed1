import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { EventPayload } from '../../hub/sdk/index.js';
import { coverBehavior } from '../../device-types/cover/simulator.js';
import { climateBehavior } from '../../device-types/climate/simulator.js';
import { vehicleBehavior } from '../../device-types/vehicle/simulator.js';
import { vacuumBehavior } from '../../device-types/vacuum/simulator.js';
import { defineBehavior, type AnyBehavior } from './behavior.js';
import { VirtualClock } from './clock.js';
import { DeviceModel } from './device-model.js';

function model(behavior: unknown, clock = new VirtualClock()) {
  const states: Record<string, unknown>[] = [];
  const events: EventPayload[] = [];
  const m = new DeviceModel(behavior as AnyBehavior, {
    clock,
    random: () => 0.5,
    onState: (s) => states.push(s),
    onEvent: (e) => events.push(e),
  });
  m.start();
  return { m, clock, states, events };
}

describe('defineBehavior', () => {
  it('refuses a command the protocol does not list for the type', () => {
    expect(() =>
      defineBehavior<{ on: boolean }, { explode: object }>({
        kind: 'odd-light',
        type: 'light',
        capabilities: [],
        initialState: () => ({ on: false }),
        commands: { explode: { params: z.object({}), run: () => undefined } },
      }),
    ).toThrow(/explode.*turn_on/);
  });
});

describe('DeviceModel on a virtual clock', () => {
  it('publishes once per command even when the behavior updates several times', () => {
    const { m, states } = model(
      defineBehavior<{ a: number; b: number }, { turn_on: object }>({
        kind: 'two-step',
        type: 'switch',
        capabilities: [],
        initialState: () => ({ a: 0, b: 0 }),
        commands: {
          turn_on: {
            params: z.object({}),
            run(ctx) {
              ctx.update({ a: 1 });
              ctx.update({ b: 2 });
            },
          },
        },
      }),
    );
    expect(m.execute('turn_on', {})).toEqual({ ok: true, state: { a: 1, b: 2 } });
    expect(states).toEqual([{ a: 1, b: 2 }]);
    m.execute('turn_on', {});
    expect(states).toHaveLength(1); // nothing changed, nothing published
  });

  it('moves a cover over time and stops where asked', () => {
    const { m, clock } = model(coverBehavior({ travelSeconds: 10 }));
    m.execute('set_position', { position: 50 });
    expect(m.state).toMatchObject({ state: 'opening', position: 0, target_position: 50 });
    clock.advance(2500);
    expect(m.state.position).toBe(25);
    clock.advance(2500);
    expect(m.state).toMatchObject({ position: 50, state: 'stopped' });
    m.execute('close', {});
    clock.advance(1000);
    m.execute('stop', {});
    clock.advance(5000);
    expect(m.state).toMatchObject({ position: 40, state: 'stopped' });
  });

  it('warms a room toward the target and then idles, and cools toward outside when off', () => {
    const { m, clock } = model(climateBehavior({ startC: 18, degreesPerMinute: 0.5, ambientC: 12 }));
    m.execute('set_temperature', { temperature: 20 });
    expect(m.state.hvac_action).toBe('heating');
    clock.advance(10 * 60_000);
    expect(m.state.current_temperature).toBeGreaterThanOrEqual(19.8);
    expect(m.state.current_temperature).toBeLessThanOrEqual(20.2);
    expect(m.state.hvac_action).toBe('idle');
    m.execute('turn_off', {});
    clock.advance(60 * 60_000);
    expect(m.state.current_temperature as number).toBeLessThan(19);
  });

  it('drains a car battery while climate runs and updates the range', () => {
    const { m, clock } = model(vehicleBehavior());
    m.execute('climate_on', { temperature: 21 });
    clock.advance(20 * 60_000);
    expect(m.state.battery_percent).toBe(75);
    expect(m.state.range_km).toBe(315);
    expect(m.state.cabin_temperature).toBe(21);
  });

  it('a vacuum cleans, reports done, and docks', () => {
    const { m, clock, events } = model(vacuumBehavior({ cleanMinutes: 10, returnSeconds: 20 }));
    m.execute('start', {});
    clock.advance(10 * 60_000);
    expect(events).toEqual([{ type: 'cleaning_done', cleaned_area_m2: 60 }]);
    clock.advance(20_000);
    expect(m.state.state).toBe('docked');
  });

  it('stops every timer on stop()', () => {
    const { m, clock } = model(coverBehavior({ travelSeconds: 10 }));
    m.execute('open', {});
    m.stop();
    clock.advance(20_000);
    expect(m.state.position).toBe(0);
    expect(clock.pendingTimers).toBe(0);
  });
});
