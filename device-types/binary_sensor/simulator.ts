/** A battery water-leak sensor that only reports (loaded by firmware-sim only); a person makes it wet or dry. */
import { defineBehavior } from '../../firmware-sim/core/behavior.js';
import { noParams } from '../../firmware-sim/core/params.js';
import type { SimulatorModule } from '../../hub/sdk/index.js';

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

export const behaviors: SimulatorModule['behaviors'] = [() => leakSensorBehavior];
/** Only leak (moisture) sensors are simulated. */
export const kindFor: SimulatorModule['kindFor'] = (deviceClass) =>
  deviceClass === 'moisture' ? 'leak_sensor' : undefined;
