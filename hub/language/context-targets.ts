/**
 * Targets in the context of the satellite that heard the request. Home Assistant's frames leave the satellite's room
 * out ("lights on" is `{domain: light}`); the devices are then those of that room when the intent takes its area
 * from the context, unless the request said "all" / "everywhere" (the whole home). A name that fits several devices
 * prefers the one in that room ("the lamp" heard in the bedroom).
 */
import type { HouseholdService } from '../devices/contracts.js';
import type { Area } from '../sdk/devices.js';
import type { IntentTargets } from '../sdk/intent-declaration.js';
import type { Intent, UtteranceContext } from '../sdk/intents.js';
import { resolveTargets, type DeviceLookup, type TargetResolution } from './targets.js';

export interface TargetContext extends UtteranceContext {
  /** The request named the whole home ("all the lights", "everywhere"). */
  wholeHome?: boolean;
}

export function resolveInContext(
  intent: Intent,
  targets: IntentTargets | undefined,
  devices: DeviceLookup,
  household: HouseholdService,
  ctx: TargetContext,
): TargetResolution {
  const slots = intent.slots;
  const placed = slots.name !== undefined || slots.area !== undefined || slots.floor !== undefined;
  const here = ctx.area ? areaOf(household, ctx.area) : undefined;
  if (!placed && here && !ctx.wholeHome && targets !== undefined && targets !== 'none' && targets.areaFromContext) {
    const inRoom = resolveTargets({ ...intent, slots: { ...slots, area: here.name } }, targets, devices, household);
    if (inRoom.targets.length > 0 || inRoom.ambiguity) return inRoom;
  }
  const first = resolveTargets(intent, targets, devices, household);
  if (!first.ambiguity || !here || slots.area !== undefined) return first;
  const narrowed = resolveTargets({ ...intent, slots: { ...slots, area: here.name } }, targets, devices, household);
  return narrowed.targets.length === 1 ? narrowed : first;
}

function areaOf(household: HouseholdService, said: string): Area | undefined {
  return household.getArea(said) ?? household.areas().find((a) => a.name.toLowerCase() === said.toLowerCase());
}
