import { defineBehavior } from '../../firmware-sim/core/behavior.js';
import { noParams } from '../../firmware-sim/core/params.js';
import type { SimulatorModule } from '../../hub/sdk/index.js';

/** State: `battery_percent`, `presses` (count since the batteries went in). Each press emits `{type:"button_pressed"}`. */
export interface DashButtonState extends Record<string, unknown> {
  battery_percent: number;
  presses: number;
}

/** Coin cells last a few thousand presses. */
const DRAIN_PER_PRESS = 0.05;

export const dashButtonBehavior = defineBehavior<DashButtonState, { press: object }, { press: object }>({
  kind: 'dash_button',
  type: 'button',
  capabilities: ['press', 'event'],
  initialState: () => ({ battery_percent: 100, presses: 0 }),
  commands: { press: { params: noParams, run: (ctx) => press(ctx) } },
  // The person's finger: the usual way this button gets pressed.
  actions: { press: { params: noParams, run: (ctx) => press(ctx) } },
});

function press(ctx: Parameters<typeof dashButtonBehavior.commands.press.run>[0]): void {
  const presses = ctx.state.presses + 1;
  ctx.update({
    presses,
    battery_percent: Math.max(0, Math.round((ctx.state.battery_percent - DRAIN_PER_PRESS) * 100) / 100),
  });
  ctx.emit({ type: 'button_pressed', presses });
}

export const behaviors: SimulatorModule['behaviors'] = [() => dashButtonBehavior];
export const exercise: SimulatorModule['exercise'] = ['press'];
export const kindFor: SimulatorModule['kindFor'] = () => 'dash_button';
