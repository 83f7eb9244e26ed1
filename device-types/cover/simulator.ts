import { z } from 'zod';
import { defineBehavior } from '../../firmware-sim/core/behavior.js';
import { noParams, percent } from '../../firmware-sim/core/params.js';
import type { SimulatorModule } from '../../hub/sdk/index.js';

/** State: `state` "open"|"closed"|"opening"|"closing"|"stopped", `position` 0-100 (100 = open), `target_position`. */
export interface CoverState extends Record<string, unknown> {
  state: 'open' | 'closed' | 'opening' | 'closing' | 'stopped';
  position: number;
  target_position: number;
}

export interface CoverOptions {
  /** Seconds for a full travel; a garage door takes ~15 s, a swing gate ~20 s, blinds ~30 s. */
  travelSeconds?: number;
  deviceClass?: string;
  kind?: string;
}

const STEP_MS = 500;

export function coverBehavior(options: CoverOptions = {}) {
  // At least one percent a step, so integer positions always advance.
  const perStep = Math.max(1, (100 * STEP_MS) / ((options.travelSeconds ?? 15) * 1000));
  const restingState = (position: number): CoverState['state'] =>
    position === 0 ? 'closed' : position === 100 ? 'open' : 'stopped';
  const moveTo = (position: number, current: number): Partial<CoverState> => ({
    target_position: position,
    state: position === current ? restingState(current) : position > current ? 'opening' : 'closing',
  });

  return defineBehavior<CoverState, { open: object; close: object; stop: object; set_position: { position: number } }>({
    kind: options.kind ?? 'cover',
    type: 'cover',
    ...(options.deviceClass ? { deviceClass: options.deviceClass } : {}),
    capabilities: ['open_close', 'position', 'stop'],
    initialState: () => ({ state: 'closed', position: 0, target_position: 0 }),
    commands: {
      open: { params: noParams, run: (ctx) => ctx.update(moveTo(100, ctx.state.position)) },
      close: { params: noParams, run: (ctx) => ctx.update(moveTo(0, ctx.state.position)) },
      stop: {
        params: noParams,
        run: (ctx) => ctx.update({ target_position: ctx.state.position, state: restingState(ctx.state.position) }),
      },
      set_position: {
        params: z.object({ position: percent }).strict(),
        run: (ctx, p) => ctx.update(moveTo(Math.round(p.position), ctx.state.position)),
      },
    },
    tick: {
      everyMs: STEP_MS,
      run(ctx) {
        const { position, target_position: target } = ctx.state;
        if (position === target) return;
        const next = position < target ? Math.min(target, position + perStep) : Math.max(target, position - perStep);
        const rounded = Math.round(next);
        ctx.update({ position: rounded, ...(rounded === target ? { state: restingState(rounded) } : {}) });
      },
    },
  });
}

export const behaviors: SimulatorModule['behaviors'] = [
  () => coverBehavior({ kind: 'cover', travelSeconds: 25, deviceClass: 'blind' }),
  () => coverBehavior({ kind: 'garage_door', travelSeconds: 15, deviceClass: 'garage' }),
  () => coverBehavior({ kind: 'gate', travelSeconds: 20, deviceClass: 'gate' }),
];
export const exercise: SimulatorModule['exercise'] = ['set_position', { position: 40 }];
export const kindFor: SimulatorModule['kindFor'] = (deviceClass) =>
  deviceClass === 'garage' ? 'garage_door' : deviceClass === 'gate' ? 'gate' : 'cover';
