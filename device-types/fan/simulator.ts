import { z } from 'zod';
import { defineBehavior } from '../../firmware-sim/core/behavior.js';
import { noParams, percent } from '../../firmware-sim/core/params.js';
import type { SimulatorModule } from '../../hub/sdk/index.js';

/** State: `on`, `percentage` (speed 0-100; the last speed is kept while off, as wall controllers do). */
export interface FanState extends Record<string, unknown> {
  on: boolean;
  percentage: number;
}

export const fanBehavior = defineBehavior<
  FanState,
  {
    turn_on: { percentage?: number | undefined };
    turn_off: object;
    toggle: object;
    set_percentage: { percentage: number };
  }
>({
  kind: 'fan',
  type: 'fan',
  capabilities: ['on_off', 'speed'],
  initialState: () => ({ on: false, percentage: 50 }),
  commands: {
    turn_on: {
      params: z.object({ percentage: percent.optional() }).strict(),
      run: (ctx, p) => ctx.update({ on: true, ...(p.percentage !== undefined ? { percentage: p.percentage } : {}) }),
    },
    turn_off: { params: noParams, run: (ctx) => ctx.update({ on: false }) },
    toggle: { params: noParams, run: (ctx) => ctx.update({ on: !ctx.state.on }) },
    set_percentage: {
      params: z.object({ percentage: percent }).strict(),
      // 0 % is off, as Home Assistant fans do.
      run: (ctx, p) => ctx.update({ on: p.percentage > 0, ...(p.percentage > 0 ? { percentage: p.percentage } : {}) }),
    },
  },
});

export const behaviors: SimulatorModule['behaviors'] = [() => fanBehavior];
export const exercise: SimulatorModule['exercise'] = ['set_percentage', { percentage: 40 }];
export const kindFor: SimulatorModule['kindFor'] = () => 'fan';
