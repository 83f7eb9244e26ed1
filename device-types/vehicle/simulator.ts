import { z } from 'zod';
import { defineBehavior, rejectCommand } from '../../firmware-sim/core/behavior.js';
import { noParams, round1 } from '../../firmware-sim/core/params.js';
import type { SimulatorModule } from '../../hub/sdk/index.js';

/** What car climate systems accept. */
const cabinCelsius = z.number().min(15).max(30);

const DOORS = ['front_left', 'front_right', 'rear_left', 'rear_right', 'trunk'] as const;
type Door = (typeof DOORS)[number];

/**
 * State (the vehicle attributes listed in hub/sdk/protocol.ts): `locked`, `climate_on`, `target_temperature`,
 * `engine_on`, `battery_percent` (electric) or `fuel_percent` (combustion), `location {lat, lon}`,
 * `doors {front_left: "closed"|"open", …}`, `range_km`, `charging`, plus `cabin_temperature` and `odometer_km`.
 */
export interface VehicleState extends Record<string, unknown> {
  locked: boolean;
  climate_on: boolean;
  target_temperature: number;
  engine_on: boolean;
  battery_percent?: number;
  fuel_percent?: number;
  location: { lat: number; lon: number };
  doors: Record<Door, 'open' | 'closed'>;
  cabin_temperature: number;
  odometer_km: number;
  range_km: number;
  charging: boolean;
}

export interface VehicleOptions {
  powertrain?: 'electric' | 'combustion';
  home?: { lat: number; lon: number };
  outsideC?: number;
}

const STEP_MS = 60_000;
/** Energy use in percent of the pack or tank. */
const CLIMATE_PER_MINUTE = 0.15;
const IDLE_PER_MINUTE = 0.1;
const PER_KM = 0.18;

export function vehicleBehavior(options: VehicleOptions = {}) {
  const electric = (options.powertrain ?? 'electric') === 'electric';
  const energyKey = electric ? 'battery_percent' : 'fuel_percent';
  const outside = options.outsideC ?? 9;
  const energy = (s: VehicleState): number => (electric ? s.battery_percent : s.fuel_percent) ?? 0;
  const rangeFor = (level: number): number => Math.round(level * (electric ? 4.2 : 7.5));
  const drain = (s: VehicleState, amount: number): Partial<VehicleState> => {
    const level = Math.round(Math.max(0, energy(s) - amount) * 100) / 100;
    return { [energyKey]: level, range_km: rangeFor(level) };
  };
  const openDoors = (s: VehicleState): Door[] => DOORS.filter((d) => s.doors[d] === 'open');

  return defineBehavior<
    VehicleState,
    {
      lock: object;
      unlock: object;
      climate_on: { temperature?: number | undefined };
      climate_off: object;
      set_temperature: { temperature: number };
      engine_start: object;
      engine_stop: object;
    },
    { open_door: { door: Door }; close_door: { door: Door }; drive: { lat: number; lon: number; km: number } }
  >({
    kind: electric ? 'vehicle' : 'vehicle_combustion',
    type: 'vehicle',
    capabilities: ['lock', 'climate', 'temperature', 'engine', electric ? 'battery' : 'fuel', 'location', 'doors'],
    initialState: () => ({
      locked: true,
      climate_on: false,
      target_temperature: 21,
      engine_on: false,
      [energyKey]: electric ? 78 : 64,
      location: options.home ?? { lat: 51.5072, lon: -0.1276 },
      doors: {
        front_left: 'closed',
        front_right: 'closed',
        rear_left: 'closed',
        rear_right: 'closed',
        trunk: 'closed',
      },
      cabin_temperature: outside,
      odometer_km: 23_417,
      range_km: rangeFor(electric ? 78 : 64),
      charging: false,
    }),
    commands: {
      lock: {
        params: noParams,
        run(ctx) {
          const open = openDoors(ctx.state);
          if (open.length > 0) throw rejectCommand(`cannot lock: ${open.join(', ')} open; close it first`);
          ctx.update({ locked: true });
        },
      },
      unlock: { params: noParams, run: (ctx) => ctx.update({ locked: false }) },
      climate_on: {
        params: z.object({ temperature: cabinCelsius.optional() }).strict(),
        run(ctx, p) {
          if (energy(ctx.state) < 5)
            throw rejectCommand(`${energyKey.replace('_', ' ')} is ${energy(ctx.state)}; too low for climate`);
          ctx.update({
            climate_on: true,
            ...(p.temperature !== undefined ? { target_temperature: round1(p.temperature) } : {}),
          });
        },
      },
      climate_off: { params: noParams, run: (ctx) => ctx.update({ climate_on: false }) },
      set_temperature: {
        params: z.object({ temperature: cabinCelsius }).strict(),
        run: (ctx, p) => ctx.update({ target_temperature: round1(p.temperature) }),
      },
      engine_start: {
        params: noParams,
        run(ctx) {
          if (energy(ctx.state) <= 0) throw rejectCommand(`cannot start: ${electric ? 'battery empty' : 'tank empty'}`);
          ctx.update({ engine_on: true });
        },
      },
      engine_stop: { params: noParams, run: (ctx) => ctx.update({ engine_on: false }) },
    },
    actions: {
      open_door: {
        params: z.object({ door: z.enum(DOORS) }).strict(),
        run(ctx, p) {
          if (ctx.state.locked) throw rejectCommand('the car is locked');
          ctx.update({ doors: { ...ctx.state.doors, [p.door]: 'open' } });
        },
      },
      close_door: {
        params: z.object({ door: z.enum(DOORS) }).strict(),
        run: (ctx, p) => ctx.update({ doors: { ...ctx.state.doors, [p.door]: 'closed' } }),
      },
      drive: {
        params: z
          .object({
            lat: z.number().min(-90).max(90),
            lon: z.number().min(-180).max(180),
            km: z.number().min(0).max(1000),
          })
          .strict(),
        run: (ctx, p) =>
          ctx.update({
            location: { lat: p.lat, lon: p.lon },
            odometer_km: round1(ctx.state.odometer_km + p.km),
            ...drain(ctx.state, p.km * PER_KM),
          }),
      },
    },
    tick: {
      everyMs: STEP_MS,
      run(ctx) {
        const s = ctx.state;
        const use = (s.climate_on ? CLIMATE_PER_MINUTE : 0) + (s.engine_on ? IDLE_PER_MINUTE : 0);
        const goal = s.climate_on ? s.target_temperature : outside;
        const cabin = round1(
          s.cabin_temperature +
            Math.sign(goal - s.cabin_temperature) *
              Math.min(Math.abs(goal - s.cabin_temperature), s.climate_on ? 1.5 : 0.3),
        );
        ctx.update({ cabin_temperature: cabin, ...(use > 0 ? drain(s, use) : {}) });
        if (use > 0 && energy(ctx.state) <= 0) ctx.update({ climate_on: false, engine_on: false });
      },
    },
  });
}

export const behaviors: SimulatorModule['behaviors'] = [
  () => vehicleBehavior({ powertrain: 'electric' }),
  () => vehicleBehavior({ powertrain: 'combustion' }),
];
export const exercise: SimulatorModule['exercise'] = ['climate_on', { temperature: 20 }];
export const kindFor: SimulatorModule['kindFor'] = () => 'vehicle';
