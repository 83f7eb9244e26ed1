/**
 * Authored groups → cases: checks every frame against the household and the Home Assistant contract
 * (../shared/ha-intent-contract.md), and adds the frames that are equally right by rule:
 * - the satellite's area in the slots (HA's `requires_context: area: slot: true`), for device intents that
 *   take their area from the satellite, unless the group is the whole home (!home) or the named device, or the
 *   devices of the named domain and class, are not in that area;
 * - `domain` beside the name of a lock, cover or valve (HA's lock/cover/valve sentences carry it);
 * - `name: all` beside a domain when the sentence says "all", "every" or "everywhere".
 * Device frames also get the device ids they act on (`targets`, see targets.ts).
 */
import { TIMER_INTENTS, type Frame, type PhrasingCase, type SlotValue } from '../lib/cases.js';
import { FAMILIES } from '../lib/score.js';
import type { Household } from '../lib/household.js';
import type { AuthoredGroup, AuthoredSentence } from './authoring.js';
import { expectedTargets } from './targets.js';

const DEVICE_INTENTS = [
  'HassTurnOn',
  'HassTurnOff',
  'HassToggle',
  'HassLightSet',
  'HassClimateSetTemperature',
  'HassClimateGetTemperature',
  'HassGetState',
  'HassSetPosition',
  'HassVacuumStart',
  'HassVacuumReturnToBase',
  'HassMediaPause',
  'HassMediaUnpause',
  'HassMediaNext',
  'HassMediaPrevious',
  'HassSetVolume',
  'HassSetVolumeRelative',
  'HassMediaPlayerMute',
  'HassMediaPlayerUnmute',
  'HassMediaSearchAndPlay',
  'HassFanSetSpeed',
];
/** Device intents of one named device (humidifier, lawn mower): no area is added from the satellite. */
const NAMED_DEVICE_INTENTS = [
  'HassHumidifierSetpoint',
  'HassHumidifierMode',
  'HassLawnMowerStartMowing',
  'HassLawnMowerDock',
];
const LIST_INTENTS = ['HassListAddItem', 'HassListCompleteItem', 'HearthListRead', 'HearthListClear'];
const OTHER_INTENTS = [
  'HassShoppingListAddItem',
  'HassShoppingListCompleteItem',
  'HassGetCurrentTime',
  'HassGetCurrentDate',
  'HassNevermind',
  'HassBroadcast',
];
const KNOWN_INTENTS = new Set([
  ...DEVICE_INTENTS,
  ...NAMED_DEVICE_INTENTS,
  ...TIMER_INTENTS,
  ...LIST_INTENTS,
  ...OTHER_INTENTS,
]);
const CONTEXT_AREA_INTENTS = new Set(DEVICE_INTENTS);
const NAMED_WITH_DOMAIN = new Set(['HassTurnOn', 'HassTurnOff', 'HassToggle', 'HassGetState', 'HassSetPosition']);

const NUMBER_SLOTS = new Set([
  'brightness',
  'position',
  'volume_level',
  'temperature',
  'percentage',
  'humidity',
  'hours',
  'minutes',
  'seconds',
  'start_hours',
  'start_minutes',
  'start_seconds',
]);
const ALLOWED: Record<string, string[]> = {
  domain: [
    'light',
    'fan',
    'switch',
    'cover',
    'lock',
    'valve',
    'climate',
    'media_player',
    'vacuum',
    'humidifier',
    'lawn_mower',
  ],
  device_class: [
    'awning',
    'blind',
    'curtain',
    'damper',
    'door',
    'gate',
    'shade',
    'shutter',
    'window',
    'garage',
    'water',
    'gas',
  ],
  color: ['white', 'black', 'red', 'orange', 'yellow', 'green', 'blue', 'purple', 'brown', 'pink', 'turquoise'],
  media_class: [
    'artist',
    'album',
    'track',
    'playlist',
    'podcast',
    'movie',
    'tv_show',
    'channel',
    'audiobook',
    'episode',
    'music',
    'genre',
  ],
  state: ['on', 'off', 'open', 'closed', 'opening', 'closing', 'locked', 'unlocked'],
};

function check(frame: Frame, home: Household, where: string): void {
  if (!KNOWN_INTENTS.has(frame.name)) throw new Error(`${where}: unknown intent ${frame.name}`);
  for (const [key, value] of Object.entries(frame.slots)) {
    if (!['string', 'number', 'boolean'].includes(typeof value))
      throw new Error(`${where}: slot ${key} has no value (quote values that hold a comma)`);
    const options = typeof value === 'string' ? value.split('|') : [value];
    for (const v of options) {
      if (NUMBER_SLOTS.has(key) && typeof v !== 'number')
        throw new Error(`${where}: ${key} must be a number (got ${JSON.stringify(v)})`);
      if (key === 'volume_step' && typeof v !== 'number' && v !== 'up' && v !== 'down')
        throw new Error(`${where}: volume_step is a number, up or down`);
      if (ALLOWED[key] && !ALLOWED[key]!.includes(String(v)))
        throw new Error(`${where}: ${key} ${String(v)} is not one of ${ALLOWED[key]!.join(', ')}`);
      if (key === 'area' && home.areaNameFor(String(v)) !== v)
        throw new Error(`${where}: area ${String(v)} is not an area name`);
      if (key === 'floor' && home.floorNameFor(String(v)) !== v)
        throw new Error(`${where}: floor ${String(v)} is not a floor name`);
      if (key === 'name' && !TIMER_INTENTS.includes(frame.name) && v !== 'all' && !home.isDeviceName(String(v)))
        throw new Error(`${where}: no device is named ${String(v)}`);
      if (
        key === 'name' &&
        LIST_INTENTS.includes(frame.name) &&
        !home.devicesNamed(String(v)).every((d) => d.type === 'todo')
      )
        throw new Error(`${where}: ${String(v)} is not a to-do list`);
    }
  }
}

/** "a|b" slot values → one frame per combination, the first options first. */
function alternatives(frame: Frame): Frame[] {
  let frames: Frame[] = [{ name: frame.name, slots: {} }];
  for (const [key, value] of Object.entries(frame.slots)) {
    const options: SlotValue[] = typeof value === 'string' ? value.split('|') : [value];
    frames = frames.flatMap((f) => options.map((v) => ({ name: f.name, slots: { ...f.slots, [key]: v } })));
  }
  return frames;
}

// "all the way up" says how far, not which devices.
const SAYS_ALL = /\b(all(?! the way)|every|everything|everywhere|whole house|entire house)\b/i;

function byRule(frames: Frame[], rule: (f: Frame) => Frame | undefined): Frame[] {
  return [...frames, ...frames.map(rule).filter((f): f is Frame => f !== undefined)];
}

function framesFor(
  group: AuthoredGroup,
  sentence: AuthoredSentence,
  area: string | undefined,
  home: Household,
): Frame[] {
  let frames = [group.frame!, ...group.accept].flatMap(alternatives);
  const satellite = area === undefined ? undefined : home.areaById(area);
  frames = byRule(frames, (f) => {
    if (!satellite || group.flags.has('home') || !CONTEXT_AREA_INTENTS.has(f.name)) return undefined;
    if (f.slots.area !== undefined || f.slots.floor !== undefined) return undefined;
    const here = home.file.devices.filter((d) => d.area === satellite.id);
    if (typeof f.slots.name === 'string' && f.slots.name !== 'all' && !here.some((d) => d.name === f.slots.name))
      return undefined;
    if (
      f.slots.domain !== undefined &&
      !here.some(
        (d) =>
          d.type === f.slots.domain && (f.slots.device_class === undefined || d.device_class === f.slots.device_class),
      )
    )
      return undefined;
    return { name: f.name, slots: { ...f.slots, area: satellite.name } };
  });
  frames = byRule(frames, (f) => {
    if (!NAMED_WITH_DOMAIN.has(f.name) || typeof f.slots.name !== 'string' || f.slots.domain !== undefined)
      return undefined;
    const types = new Set(home.devicesNamed(f.slots.name).map((d) => d.type));
    const [type] = types;
    return types.size === 1 && (type === 'lock' || type === 'cover' || type === 'valve')
      ? { name: f.name, slots: { ...f.slots, domain: type } }
      : undefined;
  });
  frames = byRule(frames, (f) =>
    f.slots.domain !== undefined && f.slots.name === undefined && SAYS_ALL.test(sentence.text)
      ? { name: f.name, slots: { ...f.slots, name: 'all' } }
      : undefined,
  );
  const seen = new Set<string>();
  return frames.filter((f) => {
    const key = JSON.stringify([f.name, Object.entries(f.slots).sort()]);
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

export function expandGroups(groups: AuthoredGroup[], home: Household, file: string): Omit<PhrasingCase, 'id'>[] {
  const cases: Omit<PhrasingCase, 'id'>[] = [];
  for (const group of groups) {
    const where = `${file}:${group.line}`;
    if (group.frame) [group.frame, ...group.accept].forEach((f) => check(f, home, where));
    if (group.family !== undefined && !FAMILIES[group.family])
      throw new Error(`${where}: unknown family ${group.family}`);
    if (group.sentences.length === 0) throw new Error(`${where}: a group with no sentences`);
    for (const sentence of group.sentences) {
      const area = sentence.area === null ? undefined : (sentence.area ?? group.area);
      if (area !== undefined && !home.areaById(area))
        throw new Error(`${file}:${sentence.line}: no area has the id ${area}`);
      const base = { text: sentence.text, ...(area !== undefined ? { area } : {}), kind: group.kind };
      if (group.expect === 'none') cases.push({ ...base, intent: null });
      else if (group.expect === 'nocommand') cases.push({ ...base, noCommand: true });
      else if (group.expect === 'family') {
        cases.push({
          ...base,
          family: group.family!,
          ...(Object.keys(group.slotsInclude ?? {}).length ? { slotsInclude: group.slotsInclude! } : {}),
        });
      } else {
        const [intent, ...accept] = framesFor(group, sentence, area, home);
        const satellite = area === undefined ? undefined : home.areaById(area);
        const targets = expectedTargets(intent!, satellite, group.flags.has('home'), home);
        cases.push({ ...base, intent: intent!, ...(accept.length ? { accept } : {}), ...(targets ? { targets } : {}) });
      }
    }
  }
  return cases;
}
