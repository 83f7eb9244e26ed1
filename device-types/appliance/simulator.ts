import { applianceBehavior, type ConsumableSpec } from './simulator-behavior.js';
import type { SimulatorModule } from '../../hub/sdk/index.js';

/** Per-kind tuning; tests pass shorter programs or emptier tanks. */
export interface ApplianceTuning {
  programs?: Record<string, number>;
  consumables?: Partial<Record<string, Partial<ConsumableSpec>>>;
}

function tuned(base: ConsumableSpec[], tuning: ApplianceTuning): ConsumableSpec[] {
  return base.map((c) => ({ ...c, ...(tuning.consumables?.[c.name] ?? {}) }));
}

/** An auto-dosing washer: each run takes a measured dose from the detergent tank. */
export function washerBehavior(tuning: ApplianceTuning = {}) {
  return applianceBehavior({
    kind: 'washer',
    deviceClass: 'washer',
    programs: tuning.programs ?? { cotton: 2 * 3600, quick: 30 * 60, eco: 3 * 3600, wool: 50 * 60 },
    consumables: tuned(
      [{ name: 'detergent', key: 'detergent_percent', initial: 36, perRun: 7, lowBelow: 20, full: 100 }],
      tuning,
    ),
  });
}

export function dishwasherBehavior(tuning: ApplianceTuning = {}) {
  return applianceBehavior({
    kind: 'dishwasher',
    deviceClass: 'dishwasher',
    programs: tuning.programs ?? { normal: 95 * 60, eco: 3 * 3600, intensive: 2 * 3600, quick: 40 * 60 },
    consumables: tuned(
      [
        { name: 'dishwasher_tablets', key: 'tablets_left', initial: 14, perRun: 1, lowBelow: 5, full: 40 },
        { name: 'rinse_aid', key: 'rinse_aid_percent', initial: 55, perRun: 4, lowBelow: 15, full: 100 },
      ],
      tuning,
    ),
  });
}

/** A heat-pump dryer: nothing to refill. */
export function dryerBehavior(tuning: ApplianceTuning = {}) {
  return applianceBehavior({
    kind: 'dryer',
    deviceClass: 'dryer',
    programs: tuning.programs ?? { cotton: 2 * 3600, synthetics: 80 * 60, delicates: 50 * 60, quick: 40 * 60 },
    consumables: tuned([], tuning),
  });
}

/** Programs are heating modes, each run for a typical time. */
export function ovenBehavior(tuning: ApplianceTuning = {}) {
  return applianceBehavior({
    kind: 'oven',
    deviceClass: 'oven',
    programs: tuning.programs ?? { bake: 45 * 60, fan: 40 * 60, grill: 15 * 60, pizza: 12 * 60, defrost: 30 * 60 },
    consumables: tuned([], tuning),
  });
}

/** Programs are drinks; each uses one pod. */
export function coffeeMachineBehavior(tuning: ApplianceTuning = {}) {
  return applianceBehavior({
    kind: 'coffee_machine',
    deviceClass: 'coffee_machine',
    programs: tuning.programs ?? { espresso: 25, lungo: 45, cappuccino: 60, hot_water: 20 },
    consumables: tuned(
      [{ name: 'coffee_pods', key: 'pods_left', initial: 9, perRun: 1, lowBelow: 4, full: 30 }],
      tuning,
    ),
  });
}

export const behaviors: SimulatorModule['behaviors'] = [
  () => washerBehavior(),
  () => dishwasherBehavior(),
  () => coffeeMachineBehavior(),
  () => dryerBehavior(),
  () => ovenBehavior(),
];
export const exercise: SimulatorModule['exercise'] = ['start_program'];
export const kindFor: SimulatorModule['kindFor'] = (deviceClass) =>
  ({
    washer: 'washer',
    dryer: 'dryer',
    dishwasher: 'dishwasher',
    coffee_machine: 'coffee_machine',
    coffee_maker: 'coffee_machine',
    oven: 'oven',
  })[deviceClass ?? ''];
