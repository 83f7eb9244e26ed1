import { z } from 'zod';
import { defineBehavior } from '../../firmware-sim/core/behavior.js';
import { percent, transitionMs } from '../../firmware-sim/core/params.js';
import { colourParam } from './colours.js';
import type { SimulatorModule } from '../../hub/sdk/index.js';

/** State (device-types/light/protocol.ts): `on`, `brightness` 0-100, `color` name or #rrggbb, `color_temp_kelvin`. */
export interface LightState extends Record<string, unknown> {
  on: boolean;
  brightness: number;
  color: string;
  color_temp_kelvin: number;
}

const turnOnParams = z
  .object({
    brightness: percent.optional(),
    color: colourParam.optional(),
    color_temp_kelvin: z.number().int().min(2000).max(6500).optional(),
    transition_ms: transitionMs.optional(),
  })
  .strict();

export const lightBehavior = defineBehavior<
  LightState,
  { turn_on: z.infer<typeof turnOnParams>; turn_off: { transition_ms?: number | undefined }; toggle: object }
>({
  kind: 'light',
  type: 'light',
  capabilities: ['on_off', 'brightness', 'color', 'color_temp'],
  initialState: () => ({ on: false, brightness: 100, color: 'warm white', color_temp_kelvin: 2700 }),
  commands: {
    turn_on: {
      params: turnOnParams,
      run(ctx, p) {
        // Brightness 0 is how people say "off" with a dimmer; real bulbs treat it so.
        const brightness = p.brightness ?? (ctx.state.brightness > 0 ? ctx.state.brightness : 100);
        ctx.update({
          on: brightness > 0,
          brightness: Math.round(brightness),
          ...(p.color !== undefined ? { color: p.color } : {}),
          ...(p.color_temp_kelvin !== undefined ? { color_temp_kelvin: p.color_temp_kelvin, color: 'white' } : {}),
        });
      },
    },
    turn_off: {
      params: z.object({ transition_ms: transitionMs.optional() }).strict(),
      run: (ctx) => ctx.update({ on: false }),
    },
    toggle: { params: z.object({}).strict(), run: (ctx) => ctx.update({ on: !ctx.state.on }) },
  },
});

export const behaviors: SimulatorModule['behaviors'] = [() => lightBehavior];
export const exercise: SimulatorModule['exercise'] = ['turn_on', { brightness: 70, color: 'teal' }];
export const kindFor: SimulatorModule['kindFor'] = () => 'light';
