import { z } from 'zod';
import { defineBehavior, rejectCommand, type BehaviorContext } from '../../firmware-sim/core/behavior.js';
import { noParams } from '../../firmware-sim/core/params.js';

/** One thing the appliance uses up: auto-dosed detergent, dishwasher tablets, coffee pods… */
export interface ConsumableSpec {
  /** The event's `consumable` field, e.g. `detergent`. */
  name: string;
  /** Key inside `state.consumables`, e.g. `detergent_percent` or `pods_left`. */
  key: string;
  initial: number;
  perRun: number;
  /** `consumable_low` fires after a run leaves the level below this. */
  lowBelow: number;
  /** Level after a refill. */
  full: number;
}

export interface ApplianceOptions {
  kind: string;
  deviceClass: string;
  /** Program name → running time in seconds. The first one is the default. */
  programs: Record<string, number>;
  consumables: ConsumableSpec[];
}

/**
 * State (device-types/appliance/protocol.ts): `on`, `program_state` "idle"|"running"|"paused"|"done",
 * `program` (absent when none), `remaining_minutes`, `runs`, `consumables {<key>: level}`.
 * Events: `program_done`, and `{type:"consumable_low", consumable, level}` when a run leaves a level low.
 */
export interface ApplianceState extends Record<string, unknown> {
  on: boolean;
  program_state: 'idle' | 'running' | 'paused' | 'done';
  program?: string;
  remaining_minutes: number;
  runs: number;
  consumables: Record<string, number>;
}

const STEP_MS = 10_000;

/** Appliance displays round up: "1 min" until the very end. */
const minutesLeft = (ms: number): number => Math.max(0, Math.ceil(ms / 60_000));

export function applianceBehavior(options: ApplianceOptions) {
  const programNames = Object.keys(options.programs);
  if (programNames.length === 0)
    throw rejectCommand(`appliance "${options.kind}" needs at least one program`, 'VALIDATION_FAILED');
  const programSchema = z.enum(programNames as [string, ...string[]]);
  let finishAt: number | undefined;
  /** While paused: how much of the program is left. */
  let leftMs: number | undefined;
  let cancelFinish: (() => void) | undefined;
  type Ctx = BehaviorContext<ApplianceState>;

  const cancelProgram = (): void => {
    cancelFinish?.();
    cancelFinish = undefined;
    finishAt = undefined;
    leftMs = undefined;
  };

  /** The program runs for `ms` more, then is done. */
  const runFor = (ctx: Ctx, program: string, ms: number): void => {
    finishAt = ctx.now() + ms;
    cancelFinish = ctx.after(ms, () => {
      cancelProgram();
      ctx.update({ program_state: 'done', remaining_minutes: 0, runs: ctx.state.runs + 1 });
      ctx.emit({ type: 'program_done', program });
    });
  };

  const start = (ctx: Ctx, program: string): void => {
    if (ctx.state.program_state === 'running' || ctx.state.program_state === 'paused')
      throw rejectCommand(`already ${ctx.state.program_state} "${ctx.state.program}"; stop it first`);
    const levels = { ...ctx.state.consumables };
    for (const c of options.consumables) {
      const level = levels[c.key] ?? 0;
      if (level < c.perRun)
        throw rejectCommand(`not enough ${c.name} (${level} left, a run needs ${c.perRun}); refill it`);
      levels[c.key] = Math.round((level - c.perRun) * 10) / 10;
    }
    const seconds = options.programs[program]!;
    runFor(ctx, program, seconds * 1000);
    ctx.update({
      on: true,
      program_state: 'running',
      program,
      remaining_minutes: minutesLeft(seconds * 1000),
      consumables: levels,
    });
    for (const c of options.consumables) {
      const level = levels[c.key]!;
      if (level < c.lowBelow) ctx.emit({ type: 'consumable_low', consumable: c.name, level });
    }
  };

  return defineBehavior<
    ApplianceState,
    {
      start_program: { program?: string | undefined };
      pause_program: object;
      resume_program: object;
      stop_program: object;
      turn_on: object;
      turn_off: object;
    },
    { refill: { consumable?: string | undefined }; unload: object }
  >({
    kind: options.kind,
    type: 'appliance',
    deviceClass: options.deviceClass,
    capabilities: ['on_off', 'program', 'consumables'],
    initialState: () => ({
      on: false,
      program_state: 'idle',
      remaining_minutes: 0,
      runs: 0,
      consumables: Object.fromEntries(options.consumables.map((c) => [c.key, c.initial])),
    }),
    commands: {
      start_program: {
        params: z.object({ program: programSchema.optional() }).strict(),
        run: (ctx, p) => start(ctx, p.program ?? programNames[0]!),
      },
      pause_program: {
        params: noParams,
        run(ctx) {
          if (ctx.state.program_state !== 'running')
            throw rejectCommand(`nothing is running to pause (${ctx.state.program_state})`);
          const left = Math.max(0, (finishAt ?? ctx.now()) - ctx.now());
          cancelFinish?.();
          cancelFinish = undefined;
          finishAt = undefined;
          leftMs = left;
          ctx.update({ program_state: 'paused', remaining_minutes: minutesLeft(left) });
        },
      },
      resume_program: {
        params: noParams,
        run(ctx) {
          if (ctx.state.program_state !== 'paused' || leftMs === undefined)
            throw rejectCommand(`nothing is paused to resume (${ctx.state.program_state})`);
          runFor(ctx, ctx.state.program ?? programNames[0]!, leftMs);
          leftMs = undefined;
          ctx.update({ program_state: 'running' });
        },
      },
      stop_program: {
        params: noParams,
        run(ctx) {
          cancelProgram();
          ctx.update({ program_state: 'idle', remaining_minutes: 0 });
        },
      },
      turn_on: { params: noParams, run: (ctx) => ctx.update({ on: true }) },
      turn_off: {
        params: noParams,
        run(ctx) {
          cancelProgram();
          ctx.update({ on: false, program_state: 'idle', remaining_minutes: 0 });
        },
      },
    },
    actions: {
      refill: {
        params: z
          .object({ consumable: z.enum(options.consumables.map((c) => c.name) as [string, ...string[]]).optional() })
          .strict(),
        run(ctx, p) {
          const levels = { ...ctx.state.consumables };
          for (const c of options.consumables) if (!p.consumable || p.consumable === c.name) levels[c.key] = c.full;
          ctx.update({ consumables: levels });
        },
      },
      unload: {
        params: noParams,
        run: (ctx) => {
          if (ctx.state.program_state === 'done') ctx.update({ program_state: 'idle' });
        },
      },
    },
    tick: {
      everyMs: STEP_MS,
      run(ctx) {
        if (ctx.state.program_state !== 'running' || finishAt === undefined) return;
        ctx.update({ remaining_minutes: minutesLeft(finishAt - ctx.now()) });
      },
    },
  });
}
