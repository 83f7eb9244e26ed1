import { z } from 'zod';
import { defineBehavior } from '../../firmware-sim/core/behavior.js';
import { celsius, noParams, round1 } from '../../firmware-sim/core/params.js';
import type { SimulatorModule } from '../../hub/sdk/index.js';

const HVAC_MODES = ['off', 'heat', 'cool', 'auto', 'dry', 'fan_only'] as const;
type HvacMode = (typeof HVAC_MODES)[number];

/**
 * State (device-types/climate/protocol.ts): `on`, `hvac_mode`, `hvac_action` ("heating"|"cooling"|"idle"|"off"), `target_temperature`,
 * `current_temperature` (°C, drifts toward the target while on and toward the outside when off).
 */
export interface ClimateState extends Record<string, unknown> {
  on: boolean;
  hvac_mode: HvacMode;
  hvac_action: 'heating' | 'cooling' | 'idle' | 'off';
  target_temperature: number;
  current_temperature: number;
}

export interface ClimateOptions {
  /** Where the room settles with the heating off. */
  ambientC?: number;
  /** How fast the room warms or cools while the system runs. */
  degreesPerMinute?: number;
  startC?: number;
}

const STEP_MS = 15_000;
/** The thermostat does nothing within this band around the target (hysteresis). */
const DEADBAND = 0.2;

export function climateBehavior(options: ClimateOptions = {}) {
  const ambient = options.ambientC ?? 16;
  const rate = options.degreesPerMinute ?? 0.3;
  const step = (rate * STEP_MS) / 60_000;
  // One behavior instance drives one device (the catalog makes one per device).
  let exact: number | undefined;

  const actionFor = (mode: HvacMode, current: number, target: number): ClimateState['hvac_action'] => {
    if (mode === 'off') return 'off';
    if ((mode === 'heat' || mode === 'auto') && current < target - DEADBAND) return 'heating';
    if ((mode === 'cool' || mode === 'auto') && current > target + DEADBAND) return 'cooling';
    return 'idle';
  };
  const withAction = (s: Pick<ClimateState, 'hvac_mode' | 'current_temperature' | 'target_temperature'>) => ({
    hvac_mode: s.hvac_mode,
    target_temperature: s.target_temperature,
    current_temperature: s.current_temperature,
    on: s.hvac_mode !== 'off',
    hvac_action: actionFor(s.hvac_mode, s.current_temperature, s.target_temperature),
  });

  return defineBehavior<
    ClimateState,
    {
      turn_on: object;
      turn_off: object;
      set_temperature: { temperature: number };
      set_hvac_mode: { hvac_mode: HvacMode };
    }
  >({
    kind: 'climate',
    type: 'climate',
    deviceClass: 'thermostat',
    capabilities: ['temperature', 'hvac_mode', 'current_temperature'],
    initialState: () =>
      withAction({ hvac_mode: 'heat', target_temperature: 20, current_temperature: options.startC ?? 18.5 }),
    commands: {
      turn_on: {
        params: noParams,
        run: (ctx) =>
          ctx.update(
            withAction({ ...ctx.state, hvac_mode: ctx.state.hvac_mode === 'off' ? 'heat' : ctx.state.hvac_mode }),
          ),
      },
      turn_off: { params: noParams, run: (ctx) => ctx.update(withAction({ ...ctx.state, hvac_mode: 'off' })) },
      set_temperature: {
        params: z.object({ temperature: celsius }).strict(),
        run: (ctx, p) => ctx.update(withAction({ ...ctx.state, target_temperature: round1(p.temperature) })),
      },
      set_hvac_mode: {
        params: z.object({ hvac_mode: z.enum(HVAC_MODES) }).strict(),
        run: (ctx, p) => ctx.update(withAction({ ...ctx.state, hvac_mode: p.hvac_mode })),
      },
    },
    tick: {
      everyMs: STEP_MS,
      run(ctx) {
        const { hvac_action, current_temperature: shown } = ctx.state;
        // The sensor shows tenths; the room itself changes by less than that per step.
        const now = exact !== undefined && Math.abs(exact - shown) < 0.05 ? exact : shown;
        let next = now;
        if (hvac_action === 'heating') next = now + step;
        else if (hvac_action === 'cooling') next = now - step;
        else if (hvac_action === 'off')
          next = now + Math.sign(ambient - now) * Math.min(Math.abs(ambient - now), step / 3);
        exact = next;
        ctx.update(withAction({ ...ctx.state, current_temperature: round1(next) }));
      },
    },
  });
}

export const behaviors: SimulatorModule['behaviors'] = [() => climateBehavior()];
export const exercise: SimulatorModule['exercise'] = ['set_temperature', { temperature: 23 }];
export const kindFor: SimulatorModule['kindFor'] = () => 'climate';
