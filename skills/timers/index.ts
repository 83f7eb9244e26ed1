/** Timers, kept by the hub so they survive a restart, ringing on the satellite (or in the area) that set them; the time and date. */
import {
  defineSkill,
  type Intent,
  type SkillContext,
  type SkillTimer,
  type SlotValue,
  type UtteranceInfo,
} from '../../hub/sdk/index.js';
import { timersIntents } from './intents/index.js';

export default defineSkill({
  id: 'timers',
  version: '1.0.0',
  description: 'Timers, and the time and date.',
  // `alarms`: a finished timer rings until stopped, and "stop the timer" while it rings stops the ringing.
  permissions: ['timers', 'alarms'],
  intents: timersIntents,

  async handle(intent, ctx, utterance) {
    switch (intent.name) {
      case 'HassGetCurrentTime':
        return {
          reply: `It's ${new Date(ctx.now()).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })}.`,
        };
      case 'HassGetCurrentDate':
        return {
          reply: `Today is ${new Date(ctx.now()).toLocaleDateString('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })}.`,
        };
      case 'HassStartTimer': {
        const ms = durationOf(intent);
        if (ms <= 0) return { reply: 'How long should the timer run?' };
        const name = typeof intent.slots.name === 'string' ? intent.slots.name : undefined;
        await ctx.timers.start({
          durationMs: ms,
          message: name ? `Your ${name} timer is done.` : 'Your timer is done.',
          ...opt('name', name),
          ...opt('area', utterance.area),
          ...opt('satellite', utterance.satellite),
        });
        return { reply: `${name ? `${capital(name)} timer` : 'Timer'} set for ${spoken(ms)}.` };
      }
      case 'HassCancelAllTimers': {
        const timers = (await ctx.timers.list()).filter((t) => inArea(t, intent.slots.area));
        for (const timer of timers) await ctx.timers.cancel(timer.id);
        return {
          reply: timers.length
            ? `Cancelled ${timers.length === 1 ? 'the timer' : `all ${timers.length} timers`}.`
            : 'There are no timers running.',
        };
      }
      case 'HassTimerStatus': {
        const timers = chosen(await mine(ctx, utterance, intent), intent);
        if (!timers.length) return { reply: 'There are no timers running.' };
        return {
          reply: timers
            .map(
              (t) =>
                `${t.name ? `The ${t.name} timer` : 'A timer'} has ${spoken(t.remainingMs)} left${t.paused ? ', paused' : ''}.`,
            )
            .join(' '),
        };
      }
      default: {
        if (intent.name === 'HassCancelTimer' && (await stopRinging(ctx, utterance))) return { reply: '' };
        const timer = chosen(await mine(ctx, utterance, intent), intent).at(-1);
        if (!timer) return { reply: 'There is no timer to change.' };
        if (intent.name === 'HassCancelTimer') {
          await ctx.timers.cancel(timer.id);
          return { reply: 'Timer cancelled.' };
        }
        if (intent.name === 'HassPauseTimer')
          return { reply: `Timer paused with ${spoken((await ctx.timers.pause(timer.id)).remainingMs)} left.` };
        if (intent.name === 'HassUnpauseTimer')
          return { reply: `Timer resumed with ${spoken((await ctx.timers.resume(timer.id)).remainingMs)} left.` };
        const delta = durationOf(intent) * (intent.name === 'HassDecreaseTimer' ? -1 : 1);
        const changed = await ctx.timers.adjust(timer.id, delta);
        return { reply: `The timer now has ${spoken(changed.remainingMs)} left.` };
      }
    }
  },
});

/** Timers set in this area first (unless the request names a room); when none, every timer. */
async function mine(ctx: SkillContext, utterance: UtteranceInfo, intent: Intent): Promise<SkillTimer[]> {
  const all = await ctx.timers.list();
  if (typeof intent.slots.area === 'string') return all;
  const here = all.filter((t) => t.area === utterance.area);
  return here.length ? here : all;
}

/** The timers the request means: by name, by the room it was set in, by its length ("the ten minute timer"). */
function chosen(timers: SkillTimer[], intent: Intent): SkillTimer[] {
  const s = intent.slots;
  let pool = timers;
  if (typeof s.name === 'string') pool = pool.filter((t) => t.name?.toLowerCase() === String(s.name).toLowerCase());
  if (typeof s.area === 'string') pool = pool.filter((t) => inArea(t, s.area));
  const length = durationOf(intent, 'start_');
  if (length > 0) pool = pool.filter((t) => t.durationMs === length);
  return pool.length || s.name !== undefined || s.area !== undefined || length > 0 ? pool : timers;
}

/** "Stop the timer" while a finished timer rings in this room: the ringing stops. */
async function stopRinging(ctx: SkillContext, utterance: UtteranceInfo): Promise<boolean> {
  const where = { ...opt('area', utterance.area), ...opt('satellite', utterance.satellite) };
  if (!(await ctx.alarms.ringing(where)).some((r) => r.kind === 'timer')) return false;
  await ctx.alarms.stop(where);
  return true;
}

/** A timer's area is the id of the room that set it; the slot is the room's name ("Living Room" ~ living_room). */
function inArea(timer: SkillTimer, area: SlotValue | undefined): boolean {
  if (typeof area !== 'string') return true;
  const key = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  return timer.area !== undefined && key(timer.area) === key(area);
}

function durationOf(intent: Intent, prefix = ''): number {
  const n = (k: string) => (intent.slots[prefix + k] === undefined ? 0 : Number(intent.slots[prefix + k]) || 0);
  return ((n('hours') * 60 + n('minutes')) * 60 + n('seconds')) * 1000;
}

function spoken(ms: number): string {
  const total = Math.round(ms / 1000);
  const h = Math.floor(total / 3600),
    m = Math.floor((total % 3600) / 60),
    s = total % 60;
  const part = (v: number, unit: string) => (v ? [`${v} ${unit}${v === 1 ? '' : 's'}`] : []);
  const parts = [...part(h, 'hour'), ...part(m, 'minute'), ...part(s, 'second')];
  return parts.length ? parts.join(' and ') : 'no time';
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
function opt<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return value === undefined ? {} : ({ [key]: value } as { [P in K]?: string });
}
