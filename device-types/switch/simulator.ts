import { defineBehavior } from '../../firmware-sim/core/behavior.js';
import { noParams, round1 } from '../../firmware-sim/core/params.js';
import type { SimulatorModule } from '../../hub/sdk/index.js';

/** State (device-types/switch/protocol.ts): `on`, `power_w` (what the appliance on the plug draws), `energy_kwh` (running total). */
export interface PlugState extends Record<string, unknown> {
  on: boolean;
  power_w: number;
  energy_kwh: number;
}

export interface PlugOptions {
  /** Nominal draw of what is plugged in, e.g. a kettle 2000 W, a lamp 9 W. */
  loadW?: number;
  kind?: string;
}

const SAMPLE_MS = 10_000;

export function plugBehavior(options: PlugOptions = {}) {
  const load = options.loadW ?? 60;
  // Real loads wobble a few percent around their rating.
  const draw = (random: () => number): number => round1(load * (0.97 + random() * 0.06));
  return defineBehavior<PlugState, { turn_on: object; turn_off: object; toggle: object }>({
    kind: options.kind ?? 'plug',
    type: 'switch',
    deviceClass: 'outlet',
    capabilities: ['on_off', 'power'],
    initialState: () => ({ on: false, power_w: 0, energy_kwh: 0 }),
    commands: {
      turn_on: { params: noParams, run: (ctx) => ctx.update({ on: true, power_w: draw(ctx.random) }) },
      turn_off: { params: noParams, run: (ctx) => ctx.update({ on: false, power_w: 0 }) },
      toggle: {
        params: noParams,
        run: (ctx) => ctx.update(ctx.state.on ? { on: false, power_w: 0 } : { on: true, power_w: draw(ctx.random) }),
      },
    },
    tick: {
      everyMs: SAMPLE_MS,
      run(ctx) {
        if (!ctx.state.on) return;
        const kwh = ctx.state.energy_kwh + (ctx.state.power_w * SAMPLE_MS) / 3_600_000 / 1000;
        ctx.update({ power_w: draw(ctx.random), energy_kwh: Math.round(kwh * 10_000) / 10_000 });
      },
    },
  });
}

export const behaviors: SimulatorModule['behaviors'] = [
  () => plugBehavior(),
  () => plugBehavior({ kind: 'kettle_plug', loadW: 2200 }),
];
export const exercise: SimulatorModule['exercise'] = ['turn_on'];
export const kindFor: SimulatorModule['kindFor'] = () => 'plug';
