/**
 * The devices a frame acts on in the held-out household, as Home Assistant resolves them: a named device (in the
 * spoken area or floor; of several with one name, the one in the satellite's room), or every device of the domain
 * (and device class) in the spoken area or floor, in the whole home (!home, `name: all`), else in the satellite's
 * room. This is what the frame alone cannot tell apart: "turn off all the lights" and "lights off" both give
 * `{domain: light}`, but one means every light in the house and the other the lights of the room it was heard in.
 * Undefined where the target depends on state the set cannot know (the player that is playing) or is ambiguous.
 */
import type { Frame } from '../lib/cases.js';
import type { Household, HouseholdArea } from '../lib/household.js';

const TARGETED_INTENTS = new Set([
  'HassTurnOn',
  'HassTurnOff',
  'HassToggle',
  'HassLightSet',
  'HassFanSetSpeed',
  'HassSetPosition',
  'HassGetState',
]);
/** Intents whose domain is the intent's own, with no `domain` slot (contract §5.1). */
const IMPLIED_DOMAIN: Record<string, string> = { HassLightSet: 'light', HassFanSetSpeed: 'fan' };

export function expectedTargets(
  frame: Frame,
  satellite: HouseholdArea | undefined,
  wholeHome: boolean,
  home: Household,
): string[] | undefined {
  if (!TARGETED_INTENTS.has(frame.name)) return undefined;
  const { area, floor, name, domain, device_class: deviceClass } = frame.slots;
  const areaId = typeof area === 'string' ? home.file.areas.find((a) => a.name === area)?.id : undefined;
  const floorId = typeof floor === 'string' ? home.file.floors.find((f) => f.name === floor)?.id : undefined;
  const floorAreas = new Set(home.file.areas.filter((a) => a.floor === floorId).map((a) => a.id));
  let pool = home.file.devices.filter((d) =>
    areaId !== undefined ? d.area === areaId : floorId !== undefined ? floorAreas.has(d.area ?? '') : true,
  );
  const placeSpoken = areaId !== undefined || floorId !== undefined;
  if (typeof name === 'string' && name !== 'all') {
    const named = pool.filter((d) => d.name === name);
    const here = placeSpoken ? named : named.filter((d) => d.area === satellite?.id);
    const chosen = named.length === 1 ? named : here.length === 1 ? here : [];
    return chosen.length === 1 ? [chosen[0]!.id] : undefined;
  }
  const type = domain ?? IMPLIED_DOMAIN[frame.name];
  if (typeof type !== 'string') return undefined;
  pool = pool.filter((d) => d.type === type && (deviceClass === undefined || d.device_class === deviceClass));
  if (!placeSpoken && !wholeHome && name !== 'all') {
    if (!satellite) return undefined;
    pool = pool.filter((d) => d.area === satellite.id);
  }
  return pool.length ? pool.map((d) => d.id).sort() : undefined;
}
