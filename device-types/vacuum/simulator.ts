import { defineBehavior, rejectCommand } from '../../firmware-sim/core/behavior.js';
import { noParams } from '../../firmware-sim/core/params.js';
import type { SimulatorModule } from '../../hub/sdk/index.js';

/** State: `state` "docked"|"cleaning"|"returning"|"idle", `battery_level` 0-100, `cleaned_area_m2`. */
export interface VacuumState extends Record<string, unknown> {
  state: 'docked' | 'cleaning' | 'returning' | 'idle';
  battery_level: number;
  cleaned_area_m2: number;
}

export interface VacuumOptions {
  /** How long a full clean of the floor takes. */
  cleanMinutes?: number;
  returnSeconds?: number;
}

const STEP_MS = 60_000;

export function vacuumBehavior(options: VacuumOptions = {}) {
  const cleanSteps = options.cleanMinutes ?? 40;
  const returnMs = (options.returnSeconds ?? 30) * 1000;
  let cancelReturn: (() => void) | undefined;

  return defineBehavior<VacuumState, { start: object; stop: object; return_to_base: object }>({
    kind: 'vacuum',
    type: 'vacuum',
    capabilities: ['start', 'stop', 'return_to_base', 'battery'],
    initialState: () => ({ state: 'docked', battery_level: 100, cleaned_area_m2: 0 }),
    commands: {
      start: {
        params: noParams,
        run(ctx) {
          if (ctx.state.battery_level < 15)
            throw rejectCommand(`battery at ${ctx.state.battery_level}%; let it charge on the dock first`);
          cancelReturn?.();
          ctx.update({
            state: 'cleaning',
            cleaned_area_m2: ctx.state.state === 'docked' ? 0 : ctx.state.cleaned_area_m2,
          });
        },
      },
      stop: {
        params: noParams,
        run(ctx) {
          cancelReturn?.();
          ctx.update({ state: ctx.state.state === 'docked' ? 'docked' : 'idle' });
        },
      },
      return_to_base: {
        params: noParams,
        run(ctx) {
          if (ctx.state.state === 'docked') return;
          ctx.update({ state: 'returning' });
          cancelReturn = ctx.after(returnMs, () => ctx.update({ state: 'docked' }));
        },
      },
    },
    tick: {
      everyMs: STEP_MS,
      run(ctx) {
        const s = ctx.state;
        if (s.state === 'docked') return ctx.update({ battery_level: Math.min(100, s.battery_level + 2) });
        if (s.state !== 'cleaning') return;
        const area = Math.round((s.cleaned_area_m2 + 60 / cleanSteps) * 10) / 10;
        const battery = Math.max(0, s.battery_level - 2);
        const done = area >= 60 || battery <= 10;
        ctx.update({ cleaned_area_m2: area, battery_level: battery, ...(done ? { state: 'returning' as const } : {}) });
        if (done) {
          ctx.emit({ type: battery <= 10 ? 'battery_low' : 'cleaning_done', cleaned_area_m2: area });
          cancelReturn = ctx.after(returnMs, () => ctx.update({ state: 'docked' }));
        }
      },
    },
  });
}

export const behaviors: SimulatorModule['behaviors'] = [() => vacuumBehavior()];
export const exercise: SimulatorModule['exercise'] = ['start'];
export const kindFor: SimulatorModule['kindFor'] = () => 'vacuum';
