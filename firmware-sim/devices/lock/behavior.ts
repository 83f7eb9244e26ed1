import { defineBehavior, rejectCommand } from '../../core/behavior.js';
import { noParams } from '../../core/params.js';

/** State: `state` "locked"|"unlocked"|"jammed", `door` "closed"|"open", `battery_percent`. */
export interface LockState extends Record<string, unknown> {
  state: 'locked' | 'unlocked' | 'jammed';
  door: 'closed' | 'open';
  battery_percent: number;
}

export const lockBehavior = defineBehavior<LockState, { lock: object; unlock: object }, { open_door: object; close_door: object; jam: object }>({
  kind: 'lock',
  type: 'lock',
  capabilities: ['lock'],
  initialState: () => ({ state: 'locked', door: 'closed', battery_percent: 87 }),
  commands: {
    lock: {
      params: noParams,
      run(ctx) {
        // A deadbolt cannot throw into an open door frame; real locks report this instead of pretending.
        if (ctx.state.door === 'open') throw rejectCommand('the door is open; close it before locking');
        if (ctx.state.state === 'jammed') throw rejectCommand('the lock is jammed; unlock it by hand and try again');
        ctx.update({ state: 'locked' });
      },
    },
    unlock: { params: noParams, run: (ctx) => ctx.update({ state: 'unlocked' }) },
  },
  actions: {
    open_door: {
      params: noParams,
      run(ctx) {
        if (ctx.state.state === 'locked') throw rejectCommand('the door is locked');
        ctx.update({ door: 'open' });
      },
    },
    close_door: { params: noParams, run: (ctx) => ctx.update({ door: 'closed' }) },
    jam: { params: noParams, run: (ctx) => ctx.update({ state: 'jammed' }) },
  },
});
