/**
 * A simulated robot lawn mower (loaded by firmware-sim only): it mows a share of the lawn per minute, drains its
 * battery, goes home when the battery runs low or the lawn is done, charges on its dock, and refuses to start with
 * too little charge. A person can lift it off an obstacle (`free`) when it reports being stuck.
 */
import { z } from 'zod';
import { defineBehavior, rejectCommand } from '../../firmware-sim/core/behavior.js';
import type { SimulatorModule } from '../../hub/sdk/index.js';

export interface LawnMowerSimState extends Record<string, unknown> {
  activity: 'mowing' | 'paused' | 'returning' | 'docked' | 'error';
  battery_percent: number;
  mowed_percent: number;
  error?: string;
}

export interface LawnMowerOptions {
  /** Minutes for a whole lawn on a full battery. */
  mowMinutes?: number;
  returnSeconds?: number;
}

const STEP_MS = 60_000;
const MIN_START_BATTERY = 20;
const none = z.object({}).strict();

export function lawnMowerBehavior(options: LawnMowerOptions = {}) {
  const perStep = 100 / (options.mowMinutes ?? 50);
  const returnMs = (options.returnSeconds ?? 40) * 1000;
  let cancelReturn: (() => void) | undefined;

  const goHome = (ctx: {
    update(p: Partial<LawnMowerSimState>): void;
    after(ms: number, fn: () => void): () => void;
  }) => {
    cancelReturn?.();
    ctx.update({ activity: 'returning' });
    cancelReturn = ctx.after(returnMs, () => ctx.update({ activity: 'docked' }));
  };

  return defineBehavior<
    LawnMowerSimState,
    { start_mowing: object; pause: object; dock: object },
    { free: object; block: object }
  >({
    kind: 'lawn_mower',
    type: 'lawn_mower',
    capabilities: ['start_mowing', 'pause', 'dock'],
    initialState: () => ({ activity: 'docked', battery_percent: 100, mowed_percent: 0 }),
    commands: {
      start_mowing: {
        params: none,
        run(ctx) {
          if (ctx.state.activity === 'error')
            throw rejectCommand(`it is stuck (${ctx.state.error ?? 'unknown'}); free it first`);
          if (ctx.state.battery_percent < MIN_START_BATTERY)
            throw rejectCommand(`battery at ${ctx.state.battery_percent}%; let it charge on the dock first`);
          cancelReturn?.();
          ctx.update({
            activity: 'mowing',
            mowed_percent: ctx.state.activity === 'docked' ? 0 : ctx.state.mowed_percent,
          });
        },
      },
      pause: {
        params: none,
        run(ctx) {
          if (ctx.state.activity === 'docked') throw rejectCommand('it is on its dock, not mowing');
          cancelReturn?.();
          ctx.update({ activity: 'paused' });
        },
      },
      dock: {
        params: none,
        run(ctx) {
          if (ctx.state.activity === 'docked' || ctx.state.activity === 'returning') return;
          if (ctx.state.activity === 'error')
            throw rejectCommand(`it is stuck (${ctx.state.error ?? 'unknown'}); free it first`);
          goHome(ctx);
        },
      },
    },
    actions: {
      /** Something in the grass stops it. */
      block: {
        params: none,
        run(ctx) {
          cancelReturn?.();
          ctx.update({ activity: 'error', error: 'wheel blocked' });
          ctx.emit({ type: 'stuck', error: 'wheel blocked' });
        },
      },
      /** Someone lifts it free; it waits, paused. */
      free: { params: none, run: (ctx) => ctx.update({ activity: 'paused', error: undefined }) },
    },
    tick: {
      everyMs: STEP_MS,
      run(ctx) {
        const s = ctx.state;
        if (s.activity === 'docked') return ctx.update({ battery_percent: Math.min(100, s.battery_percent + 4) });
        if (s.activity !== 'mowing') return;
        const mowed = Math.min(100, Math.round((s.mowed_percent + perStep) * 10) / 10);
        const battery = Math.max(0, s.battery_percent - 2);
        ctx.update({ mowed_percent: mowed, battery_percent: battery });
        if (mowed >= 100) ctx.emit({ type: 'mowing_done', mowed_percent: mowed });
        if (mowed >= 100 || battery <= 15) goHome(ctx);
      },
    },
  });
}

export const behaviors: SimulatorModule['behaviors'] = [() => lawnMowerBehavior()];
export const exercise: SimulatorModule['exercise'] = ['start_mowing'];
