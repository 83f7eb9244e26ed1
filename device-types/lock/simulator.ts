import { z } from 'zod';
import { defineBehavior, rejectCommand } from '../../firmware-sim/core/behavior.js';
import { noParams } from '../../firmware-sim/core/params.js';
import type { SimulatorModule } from '../../hub/sdk/index.js';

/** State (device-types/lock/protocol.ts): `locked`, `lock_state` "locked"|"unlocked"|"jammed", `battery_percent`, plus `door` "closed"|"open". */
export interface LockState extends Record<string, unknown> {
  locked: boolean;
  lock_state: 'locked' | 'unlocked' | 'jammed';
  door: 'closed' | 'open';
  battery_percent: number;
}

export interface LockOptions {
  /** When set, unlocking needs this keypad code. */
  code?: string;
}

export function lockBehavior(options: LockOptions = {}) {
  return defineBehavior<
    LockState,
    { lock: object; unlock: { code?: string | undefined } },
    { open_door: object; close_door: object; jam: object }
  >({
    kind: 'lock',
    type: 'lock',
    capabilities: ['lock'],
    initialState: () => ({ locked: true, lock_state: 'locked', door: 'closed', battery_percent: 87 }),
    commands: {
      lock: {
        params: noParams,
        run(ctx) {
          // A deadbolt cannot throw into an open door frame; real locks report this instead of pretending.
          if (ctx.state.door === 'open') throw rejectCommand('the door is open; close it before locking');
          if (ctx.state.lock_state === 'jammed')
            throw rejectCommand('the lock is jammed; unlock it by hand and try again');
          ctx.update({ locked: true, lock_state: 'locked' });
        },
      },
      unlock: {
        params: z
          .object({
            code: z
              .string()
              .regex(/^\d{4,8}$/, 'must be 4 to 8 digits')
              .optional(),
          })
          .strict(),
        run(ctx, p) {
          if (options.code !== undefined && p.code !== options.code)
            throw rejectCommand('wrong or missing code; unlocking needs the keypad code');
          ctx.update({ locked: false, lock_state: 'unlocked' });
        },
      },
    },
    actions: {
      open_door: {
        params: noParams,
        run(ctx) {
          if (ctx.state.locked) throw rejectCommand('the door is locked');
          ctx.update({ door: 'open' });
        },
      },
      close_door: { params: noParams, run: (ctx) => ctx.update({ door: 'closed' }) },
      jam: { params: noParams, run: (ctx) => ctx.update({ lock_state: 'jammed' }) },
    },
  });
}

export const behaviors: SimulatorModule['behaviors'] = [() => lockBehavior()];
export const exercise: SimulatorModule['exercise'] = ['unlock'];
export const kindFor: SimulatorModule['kindFor'] = () => 'lock';
