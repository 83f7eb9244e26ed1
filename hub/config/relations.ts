/**
 * Rules between keys (an area's floor must exist, ids are unique, a shared group needs an external broker…), checked
 * on the merged input itself, so they are reported together with every other problem of the file, even when some
 * entries are malformed: a bad device type never hides the next device's unknown area.
 */
import type { ConfigProblem } from './format-issues.js';

type Raw = Record<string, unknown>;

const asObject = (value: unknown): Raw | undefined =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Raw) : undefined;
const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const stringAt = (value: unknown, key: string): string | undefined => {
  const v = asObject(value)?.[key];
  return typeof v === 'string' ? v : undefined;
};

export function relationProblems(input: unknown): ConfigProblem[] {
  const config = asObject(input) ?? {};
  const problems: ConfigProblem[] = [];
  const ids = (key: 'floors' | 'areas' | 'devices'): Set<string> => {
    const seen = new Set<string>();
    asList(config[key]).forEach((item, index) => {
      const id = stringAt(item, 'id');
      if (id === undefined) return;
      if (seen.has(id)) problems.push({ path: `${key}[${index}].id`, message: `duplicate id "${id}"` });
      seen.add(id);
    });
    return seen;
  };
  const floors = ids('floors');
  const areas = ids('areas');
  ids('devices');
  asList(config.areas).forEach((area, index) => {
    const floor = stringAt(area, 'floor');
    if (floor !== undefined && !floors.has(floor))
      problems.push({ path: `areas[${index}].floor`, message: `unknown floor "${floor}"${choices(floors, 'floors')}` });
  });
  asList(config.devices).forEach((device, index) => {
    const area = stringAt(device, 'area');
    if (area !== undefined && !areas.has(area))
      problems.push({ path: `devices[${index}].area`, message: `unknown area "${area}"${choices(areas, 'areas')}` });
  });
  const mqtt = asObject(config.mqtt);
  if (mqtt?.shareGroup !== undefined && mqtt.url === undefined)
    problems.push({
      path: 'mqtt.shareGroup',
      message: 'needs mqtt.url: shared subscriptions are for hubs on an external broker',
    });
  const spokenPin = asObject(asObject(asObject(config.skills)?.confirm)?.pin);
  // A hash still under skills.confirm.pin has its own message: move it to commerce.pin.hash.
  if (spokenPin?.required === true && spokenPin.hash === undefined && !stringAt(asObject(config.commerce)?.pin, 'hash'))
    problems.push({
      path: 'skills.confirm.pin.required',
      message: 'needs the household PIN: run `hearth pin-hash` and put its output in commerce.pin.hash',
    });
  const wakeService = asObject(asObject(config.voice)?.wake)?.wyoming;
  if (wakeService !== undefined && asList(asObject(config.wyoming)?.satellites).length === 0)
    problems.push({
      path: 'voice.wake.wyoming',
      message:
        'only Wyoming satellites that stream until woken use a wake word service, and wyoming.satellites lists none: add them or remove this key',
    });
  return problems;
}

function choices(known: Set<string>, what: string): string {
  if (known.size === 0) return ` (no ${what} are defined)`;
  const list = [...known].slice(0, 8).join(', ');
  return ` (${what}: ${list}${known.size > 8 ? ', …' : ''})`;
}
