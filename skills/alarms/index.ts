/**
 * Alarms and reminders by voice: set (one-time or repeating), ask which are set, delete, snooze, and "stop" for
 * whatever sounds in the room. Kept by the hub (`ctx.alarms`), so they survive restarts and ring where they were set.
 * Also the assistant's own replies muted for a while ("be quiet for an hour", quiet-replies.ts).
 */
import {
  defineSkill,
  type Intent,
  type SkillContext,
  type SkillResponse,
  type UtteranceInfo,
} from '../../hub/sdk/index.js';
import { alarmsIntents } from './intents/index.js';
import { muteReplies, unmuteReplies } from './quiet-replies.js';
import { alarmList, alarmName, whenText } from './speech.js';
import { choiceFromSlots, chosen, isSpecific, whenFromSlots } from './when.js';

/** A reminder for a day with no time said rings then. */
const REMINDER_DAY_TIME = { hour: 9, minute: 0 };

export default defineSkill({
  id: 'alarms',
  version: '1.0.0',
  description: 'Alarms and reminders: set, list, delete, snooze; "stop" silences what rings.',
  permissions: ['alarms'],
  intents: alarmsIntents,

  async handle(intent, ctx, utterance) {
    switch (intent.name) {
      case 'HearthSetAlarm':
        return set(intent, ctx, utterance, 'alarm');
      case 'HearthSetReminder':
        return set(intent, ctx, utterance, 'reminder');
      case 'HearthListAlarms':
        return list(intent, ctx, utterance);
      case 'HearthCancelAlarm':
        return cancel(intent, ctx, utterance);
      case 'HearthSnooze': {
        const minutes = Number(intent.slots.minutes ?? 0) + Number(intent.slots.hours ?? 0) * 60;
        const ms = minutes > 0 ? Math.min(60, Math.max(1, minutes)) * 60_000 : undefined;
        const snoozed = await ctx.alarms.snooze(here(utterance), ms);
        if (snoozed.length === 0) return { reply: 'Nothing is ringing.' };
        const until = snoozed[0]!.snoozedUntil ?? ctx.now();
        return { reply: `Snoozed for ${Math.round((until - ctx.now()) / 60_000)} minutes.` };
      }
      case 'HearthStop':
        // Silence is the answer: whatever sounded here stops, and nothing new is said.
        await ctx.alarms.stop(here(utterance));
        return { reply: '' };
      case 'HearthAssistantMute':
        return muteReplies(intent, ctx);
      case 'HearthAssistantUnmute':
        return unmuteReplies();
      case 'HearthSayWhen':
        return { reply: 'A time for what? Say for example: set an alarm for 7:30, or remind me at 5 to call grandma.' };
    }
  },

  // The answer to "For what time?" / "When should I remind you?": a time said alone (HearthSayWhen).
  async followUp(_text, state, ctx, utterance) {
    if (!isDraft(state) || utterance.heard?.name !== 'HearthSayWhen') return undefined;
    return create(state, utterance.heard, ctx, utterance);
  },
});

/** An alarm or reminder asked for without a time, waiting for the answer to "when?". */
interface Draft {
  kind: 'alarm' | 'reminder';
  message?: string;
  label?: string;
  /** The room named for it (as said); unset: where it was asked. */
  area?: string;
  /** What was said of the time before it was asked for ("every weekday", "tomorrow", "in the morning"): the answer adds the rest. */
  said?: Record<string, string>;
}

/** The slots of a first sentence that the answer to "when?" keeps. */
const KEPT_SLOTS = ['repeat', 'day', 'period'] as const;

function isDraft(state: unknown): state is Draft {
  if (typeof state !== 'object' || state === null) return false;
  const s = state as Record<string, unknown>;
  return (
    (s.kind === 'alarm' || s.kind === 'reminder') &&
    (s.message === undefined || typeof s.message === 'string') &&
    (s.label === undefined || typeof s.label === 'string') &&
    (s.area === undefined || typeof s.area === 'string') &&
    (s.said === undefined ||
      (typeof s.said === 'object' && s.said !== null && Object.values(s.said).every((v) => typeof v === 'string')))
  );
}

/** The room the request came from: its satellite and its area. */
function here(utterance: UtteranceInfo): { area?: string; satellite?: string } {
  return {
    ...(utterance.area ? { area: utterance.area } : {}),
    ...(utterance.satellite ? { satellite: utterance.satellite } : {}),
  };
}

async function set(
  intent: Intent,
  ctx: SkillContext,
  utterance: UtteranceInfo,
  kind: 'alarm' | 'reminder',
): Promise<SkillResponse> {
  const message = kind === 'reminder' ? reminderText(intent.slots.message) : undefined;
  const label = typeof intent.slots.name === 'string' && isLabel(intent.slots.name) ? intent.slots.name : undefined;
  // Another room named ("set an alarm in the kids room"): it rings there, not on the asker's satellite.
  const area = typeof intent.slots.area === 'string' ? intent.slots.area : undefined;
  const said = Object.fromEntries(
    KEPT_SLOTS.flatMap((k) => (typeof intent.slots[k] === 'string' ? [[k, intent.slots[k] as string]] : [])),
  );
  const draft: Draft = {
    kind,
    ...(message ? { message } : {}),
    ...(label ? { label } : {}),
    ...(area ? { area } : {}),
    ...(Object.keys(said).length > 0 ? { said } : {}),
  };
  return create(draft, intent, ctx, utterance);
}

/** Sets the alarm or reminder at the time the intent says; without one, asks for it (the answer comes to `followUp`). */
async function create(
  draft: Draft,
  answer: Intent,
  ctx: SkillContext,
  utterance: UtteranceInfo,
): Promise<SkillResponse> {
  const { kind, message, label } = draft;
  const timing = { ...answer, slots: { ...draft.said, ...answer.slots } };
  const when = whenFromSlots(timing, ctx.now(), kind === 'reminder' ? { dayOnly: REMINDER_DAY_TIME } : {});
  if (when === undefined) {
    const question =
      kind === 'alarm' ? 'For what time?' : `When should I remind you${message ? ` to ${message}` : ''}?`;
    return { reply: question, followUp: { state: draft } };
  }
  if ('problem' in when) return { reply: 'That time has already passed today.' };
  const alarm = await ctx.alarms.set({
    kind,
    ...('at' in when ? { at: when.at } : { time: when.time, days: when.days }),
    ...(label ? { label } : {}),
    ...(message ? { message } : {}),
    ...(draft.area ? { area: draft.area } : here(utterance)),
    ...(utterance.user ? { user: utterance.user } : {}),
  });
  const room = draft.area ? ` in the ${draft.area}` : '';
  if (kind === 'reminder')
    return {
      reply: `Okay, I'll remind ${room ? 'them' : 'you'}${room} ${message ? `to ${message} ` : ''}${whenText(alarm)}.`,
    };
  return { reply: `${alarm.label ? `${capital(alarm.label)} alarm` : 'Alarm'} set${room} for ${whenText(alarm)}.` };
}

async function list(intent: Intent, ctx: SkillContext, utterance: UtteranceInfo): Promise<SkillResponse> {
  const now = ctx.now();
  const mine = await ctx.alarms.list(utterance.user ? { user: utterance.user } : {});
  const choice = choiceFromSlots(intent, now);
  const fitting = chosen(
    mine.filter((a) => a.enabled && a.nextAt !== undefined),
    choice,
  );
  if (fitting.length === 0)
    return {
      reply: mine.length === 0 ? 'You have no alarms or reminders set.' : 'No alarm or reminder is set for then.',
    };
  return { reply: alarmList(fitting) };
}

async function cancel(intent: Intent, ctx: SkillContext, utterance: UtteranceInfo): Promise<SkillResponse> {
  const now = ctx.now();
  const choice = choiceFromSlots(intent, now);
  // "Turn off the alarm" while it rings means stop the ringing, not forget the alarm.
  if (!isSpecific(choice) && !choice.all && (await ctx.alarms.ringing(here(utterance))).length > 0) {
    await ctx.alarms.stop(here(utterance));
    return { reply: '' };
  }
  const mine = await ctx.alarms.list(utterance.user ? { user: utterance.user } : {});
  const message = reminderText(intent.slots.message);
  const fitting = message ? mine.filter((a) => a.message?.includes(message)) : chosen(mine, choice);
  if (fitting.length === 0)
    return {
      reply: mine.length === 0 ? 'You have no alarms set.' : "I couldn't find that alarm. Ask me which alarms are set.",
    };
  if (fitting.length > 1 && !choice.all && !isSpecific(choice) && !message) {
    return { reply: `${alarmList(fitting)} Say which one to delete, or say delete all alarms.` };
  }
  // A day named for a repeating alarm ("no alarm tomorrow") skips that day only.
  if (choice.day !== undefined && !choice.all) {
    const skipped = fitting.filter((a) => a.days.length > 0);
    for (const a of skipped) await ctx.alarms.update(a.id, { skipDay: choice.day });
    const removed = fitting.filter((a) => a.days.length === 0);
    for (const a of removed) await ctx.alarms.remove(a.id);
    const parts = [
      ...removed.map((a) => `deleted ${alarmName(a)} ${whenText(a)}`),
      ...skipped.map((a) => `${alarmName(a)} at ${a.description.split(' at ').at(-1)} will skip that day`),
    ];
    return { reply: `${capital(parts.join(', and '))}.` };
  }
  for (const a of fitting) await ctx.alarms.remove(a.id);
  if (fitting.length === 1) return { reply: `Deleted ${alarmName(fitting[0]!)} ${whenText(fitting[0]!)}.` };
  return {
    reply: `Deleted ${fitting.length} ${fitting.every((a) => a.kind === 'reminder') ? 'reminders' : 'alarms'}.`,
  };
}

/** Words of a time or a day: a request read from its parts can leave them in the label slot ("set alarm on the 25th at five"). */
const TIME_WORDS =
  /\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fifteen|twenty|thirty|forty|fifty|hundred|half|quarter|am|pm|o clock|oclock|at|on|for|in|today|tonight|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekdays?|weekends?|every|daily|minutes?|hours?)\b/;

function isLabel(words: string): boolean {
  return !TIME_WORDS.test(words);
}

/** The reminder's words as the person would hear them back ("call grandma"); "my" and "I" stay theirs. */
function reminderText(slot: Intent['slots'][string] | undefined): string | undefined {
  if (typeof slot !== 'string') return undefined;
  const text = slot.replace(/^(to|that|about)\s+/, '').trim();
  return text || undefined;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
