/**
 * A simulated humidifier and dehumidifier (loaded by firmware-sim only): the air drifts toward the target while it
 * runs and back toward the room's own humidity when it is off; a humidifier uses water and stops when the tank is
 * empty, saying so once on its event topic.
 */
import { z } from 'zod';
import { defineBehavior, rejectCommand } from '../../firmware-sim/core/behavior.js';
import type { SimulatorModule } from '../../hub/sdk/index.js';
import { HUMIDITY_SETPOINT } from './protocol.js';

const MODES = ['normal', 'eco', 'sleep', 'boost', 'auto'] as const;
type Mode = (typeof MODES)[number];

export interface HumidifierSimState extends Record<string, unknown> {
  on: boolean;
  target_humidity: number;
  current_humidity: number;
  mode: Mode;
  available_modes: readonly Mode[];
  action: 'off' | 'idle' | 'humidifying' | 'drying';
  water_percent?: number;
}

export interface HumidifierOptions {
  /** `dehumidifier` takes water out of the air (and has no tank to refill here). */
  deviceClass?: 'humidifier' | 'dehumidifier';
  /** Where the room's air settles with the device off. */
  ambientPercent?: number;
  /** Percentage points per minute the device moves the air (boost doubles it, eco and sleep halve it). */
  pointsPerMinute?: number;
}

const STEP_MS = 30_000;
const LOW_WATER = 15;
const setpoint = z.number().min(HUMIDITY_SETPOINT.min).max(HUMIDITY_SETPOINT.max);
const none = z.object({}).strict();

export function humidifierBehavior(options: HumidifierOptions = {}) {
  const drying = options.deviceClass === 'dehumidifier';
  const ambient = options.ambientPercent ?? (drying ? 70 : 30);
  const rate = ((options.pointsPerMinute ?? 1) * STEP_MS) / 60_000;
  const speed: Record<Mode, number> = { normal: 1, eco: 0.5, sleep: 0.5, boost: 2, auto: 1 };
  let warnedLow = false;

  const actionFor = (
    s: Pick<HumidifierSimState, 'on' | 'current_humidity' | 'target_humidity'>,
  ): HumidifierSimState['action'] => {
    if (!s.on) return 'off';
    if (drying) return s.current_humidity > s.target_humidity ? 'drying' : 'idle';
    return s.current_humidity < s.target_humidity ? 'humidifying' : 'idle';
  };
  const settle = (s: HumidifierSimState): HumidifierSimState => ({ ...s, action: actionFor(s) });

  return defineBehavior<
    HumidifierSimState,
    {
      turn_on: object;
      turn_off: object;
      toggle: object;
      set_humidity: { humidity: number };
      set_mode: { mode: string };
    },
    { refill: object }
  >({
    kind: drying ? 'dehumidifier' : 'humidifier',
    type: 'humidifier',
    deviceClass: drying ? 'dehumidifier' : 'humidifier',
    capabilities: ['on_off', 'target_humidity', 'modes', 'current_humidity'],
    initialState: () =>
      settle({
        on: false,
        target_humidity: drying ? 50 : 45,
        current_humidity: ambient,
        mode: 'normal',
        available_modes: MODES,
        action: 'off',
        ...(drying ? {} : { water_percent: 100 }),
      }),
    commands: {
      turn_on: {
        params: none,
        run(ctx) {
          if (ctx.state.water_percent === 0) throw rejectCommand('the water tank is empty; refill it first');
          ctx.update(settle({ ...ctx.state, on: true }));
        },
      },
      turn_off: { params: none, run: (ctx) => ctx.update(settle({ ...ctx.state, on: false })) },
      toggle: {
        params: none,
        run(ctx) {
          if (!ctx.state.on && ctx.state.water_percent === 0)
            throw rejectCommand('the water tank is empty; refill it first');
          ctx.update(settle({ ...ctx.state, on: !ctx.state.on }));
        },
      },
      set_humidity: {
        params: z.object({ humidity: setpoint }).strict(),
        run: (ctx, p) => ctx.update(settle({ ...ctx.state, target_humidity: Math.round(p.humidity) })),
      },
      set_mode: {
        params: z.object({ mode: z.string() }).strict(),
        run(ctx, p) {
          if (!(MODES as readonly string[]).includes(p.mode))
            throw rejectCommand(`this model has no "${p.mode}" mode (it has ${MODES.join(', ')})`, 'VALIDATION_FAILED');
          ctx.update({ mode: p.mode as Mode });
        },
      },
    },
    actions: {
      refill: {
        params: none,
        run(ctx) {
          if (drying) throw rejectCommand('a dehumidifier has no water tank to refill');
          warnedLow = false;
          ctx.update({ water_percent: 100 });
        },
      },
    },
    tick: {
      everyMs: STEP_MS,
      run(ctx) {
        const s = ctx.state;
        const step = rate * speed[s.mode];
        let current = s.current_humidity;
        if (s.action === 'humidifying') current = Math.min(s.target_humidity, current + step);
        else if (s.action === 'drying') current = Math.max(s.target_humidity, current - step);
        else if (s.action === 'off')
          current += Math.sign(ambient - current) * Math.min(Math.abs(ambient - current), step / 2);
        const patch: Partial<HumidifierSimState> = { current_humidity: Math.round(current * 10) / 10 };
        if (s.action === 'humidifying' && typeof s.water_percent === 'number') {
          const water = Math.max(0, Math.round((s.water_percent - step) * 10) / 10);
          patch.water_percent = water;
          if (water <= LOW_WATER && !warnedLow) {
            warnedLow = true;
            ctx.emit({ type: 'water_low', water_percent: water });
          }
          if (water === 0) patch.on = false;
        }
        ctx.update(settle({ ...s, ...patch }));
      },
    },
  });
}

export const behaviors: SimulatorModule['behaviors'] = [
  () => humidifierBehavior(),
  () => humidifierBehavior({ deviceClass: 'dehumidifier' }),
];
export const exercise: SimulatorModule['exercise'] = ['set_humidity', { humidity: 55 }];
