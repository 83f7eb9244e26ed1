/** Battery sensors that only report: a room thermometer and a water-leak sensor. Neither takes commands. */
import { z } from 'zod';
import { defineBehavior } from '../../core/behavior.js';
import { noParams, round1 } from '../../core/params.js';

/** State: `temperature` (°C), `humidity` (%), `battery_percent`. */
export interface TemperatureSensorState extends Record<string, unknown> {
  temperature: number;
  humidity: number;
  battery_percent: number;
}

const REPORT_MS = 60_000;

export const temperatureSensorBehavior = defineBehavior<
  TemperatureSensorState,
  Record<string, never>,
  { set: { temperature: number } }
>({
  kind: 'temperature_sensor',
  type: 'sensor',
  deviceClass: 'temperature',
  capabilities: ['temperature', 'humidity'],
  initialState: () => ({ temperature: 20.5, humidity: 48, battery_percent: 92 }),
  commands: {},
  // Warming the sensor in a hand, or a test setting the room.
  actions: {
    set: {
      params: z.object({ temperature: z.number().min(-40).max(80) }).strict(),
      run: (ctx, p) => ctx.update({ temperature: round1(p.temperature) }),
    },
  },
  tick: {
    everyMs: REPORT_MS,
    // A room's temperature wanders a tenth or two between reports.
    run: (ctx) => ctx.update({ temperature: round1(ctx.state.temperature + (ctx.random() - 0.5) * 0.3) }),
  },
});

/** State: `state` "dry" | "wet", `battery_percent`. Getting wet emits `{type:"leak_detected"}`. */
export interface LeakSensorState extends Record<string, unknown> {
  state: 'dry' | 'wet';
  battery_percent: number;
}

export const leakSensorBehavior = defineBehavior<LeakSensorState, Record<string, never>, { wet: object; dry: object }>({
  kind: 'leak_sensor',
  type: 'binary_sensor',
  deviceClass: 'moisture',
  capabilities: ['moisture', 'event'],
  initialState: () => ({ state: 'dry', battery_percent: 88 }),
  commands: {},
  actions: {
    wet: {
      params: noParams,
      run(ctx) {
        if (ctx.state.state === 'wet') return;
        ctx.update({ state: 'wet' });
        ctx.emit({ type: 'leak_detected' });
      },
    },
    dry: { params: noParams, run: (ctx) => ctx.update({ state: 'dry' }) },
  },
});
