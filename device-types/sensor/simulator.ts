/** A battery room thermometer that only reports (loaded by firmware-sim only); it takes no commands. */
import { z } from 'zod';
import { defineBehavior } from '../../firmware-sim/core/behavior.js';
import type { SimulatorModule } from '../../hub/sdk/index.js';
import { round1 } from '../../firmware-sim/core/params.js';

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

export const behaviors: SimulatorModule['behaviors'] = [() => temperatureSensorBehavior];
/** Only thermometers are simulated. */
export const kindFor: SimulatorModule['kindFor'] = (deviceClass) =>
  deviceClass === 'temperature' ? 'temperature_sensor' : undefined;
