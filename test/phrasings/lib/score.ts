/**
 * Judges the hub's answer to one held-out sentence: right intent, and the full frame (intent and every slot, as Home
 * Assistant would fill it). Names, areas and floors count when they mean the same registered thing (a name or an
 * alias, any case); free text counts when the words are the same; numbers must be numbers.
 */
import { framesOf, TIMER_INTENTS, type Frame, type PhrasingCase, type SlotValue } from './cases.js';
import { normalizeWords, type Household } from './household.js';

/** What POST /api/v1/utterances answered (the parts judged). */
export interface HubAnswer {
  intent: Frame | null;
  targets: string[];
  actions: { type: string }[];
}

export interface Verdict {
  intentOk: boolean;
  frameOk: boolean;
  /** For cases with expected `targets`: the full frame and exactly those devices. */
  targetsOk?: boolean;
}

const FREE_TEXT_SLOTS = new Set(['item', 'search_query', 'message', 'conversation_command']);

const ALARM = /Alarm|Reminder/;
/** Intent families for requests whose intent Home Assistant does not name (yet): any name of the family is right. */
export const FAMILIES: Record<string, (intent: string) => boolean> = {
  'alarm-set': (n) => ALARM.test(n) && !/Cancel|Remove|Delete|Stop|Snooze|Status|List|Query|Get|Read|Dismiss/.test(n),
  'alarm-query': (n) => ALARM.test(n) && /Status|List|Query|Get|Read|Next/.test(n),
  'alarm-remove': (n) => ALARM.test(n) && /Cancel|Remove|Delete|Stop|Off|Disable|Clear|Dismiss/.test(n),
  'alarm-snooze': (n) => /Snooze/.test(n),
  'light-brighter': (n) => n === 'HassLightSet' || /Bright|Light.*(Step|Relative|Increase)/.test(n),
  'light-dimmer': (n) => n === 'HassLightSet' || /Dim|Light.*(Step|Relative|Decrease)/.test(n),
  'appliance-pause': (n) => /Pause/.test(n) && !/Timer/.test(n),
  // Making a new list: Home Assistant has no intent for it; the hub may name one and say it cannot (yet).
  'list-create': (n) => /List/.test(n) && /Create|New|Make/.test(n),
};

function sameSlot(key: string, intent: string, got: SlotValue, want: SlotValue, home: Household): boolean {
  if (typeof want === 'number' || typeof got === 'number')
    return typeof got === 'number' && typeof want === 'number' && Math.abs(got - want) < 1e-9;
  if (typeof want === 'boolean' || typeof got === 'boolean') return got === want;
  if (FREE_TEXT_SLOTS.has(key) || (key === 'name' && TIMER_INTENTS.includes(intent)))
    return normalizeWords(got) === normalizeWords(want);
  if (key === 'name') {
    const meant = home.deviceNamesFor(got);
    return meant.size > 0 ? meant.has(want) : normalizeWords(got) === normalizeWords(want);
  }
  if (key === 'area')
    return (home.areaNameFor(got) ?? normalizeWords(got)) === (home.areaNameFor(want) ?? normalizeWords(want));
  if (key === 'floor')
    return (home.floorNameFor(got) ?? normalizeWords(got)) === (home.floorNameFor(want) ?? normalizeWords(want));
  return normalizeWords(got) === normalizeWords(want);
}

export function sameFrame(got: Frame, want: Frame, home: Household): boolean {
  if (got.name !== want.name) return false;
  const gotKeys = Object.keys(got.slots).sort();
  const wantKeys = Object.keys(want.slots).sort();
  if (gotKeys.join() !== wantKeys.join()) return false;
  return wantKeys.every((k) => sameSlot(k, want.name, got.slots[k]!, want.slots[k]!, home));
}

const sameDevices = (got: string[], want: string[]) =>
  new Set(got).size === want.length && want.every((id) => got.includes(id));

const noDeviceTargeted = (answer: HubAnswer) =>
  answer.targets.length === 0 && !answer.actions.some((a) => a.type.startsWith('device'));

export function judge(c: PhrasingCase, answer: HubAnswer, home: Household): Verdict {
  const got = answer.intent;
  if (c.intent === null) {
    const ok = got === null && noDeviceTargeted(answer);
    return { intentOk: ok, frameOk: ok };
  }
  if (c.noCommand) {
    const ok = noDeviceTargeted(answer);
    return { intentOk: ok, frameOk: ok };
  }
  if (c.family !== undefined) {
    const inFamily = FAMILIES[c.family];
    if (!inFamily) throw new Error(`${c.id}: unknown family ${c.family}`);
    const intentOk = got !== null && inFamily(got.name);
    const include = Object.entries(c.slotsInclude ?? {});
    const frameOk =
      intentOk &&
      include.every(([k, v]) => got.slots[k] !== undefined && sameSlot(k, got.name, got.slots[k]!, v, home));
    return { intentOk, frameOk };
  }
  const frames = framesOf(c);
  const verdict: Verdict =
    got === null || frames.length === 0
      ? { intentOk: false, frameOk: false }
      : { intentOk: frames.some((f) => f.name === got.name), frameOk: frames.some((f) => sameFrame(got, f, home)) };
  if (c.targets !== undefined) verdict.targetsOk = verdict.frameOk && sameDevices(answer.targets, c.targets);
  return verdict;
}
