/** Timers, kept by the hub so they survive a restart, ringing on the satellite (or in the area) that set them; the time and date. */
import { defineSkill, type Intent, type SkillContext, type SkillTimer, type UtteranceInfo } from '../../hub/sdk/index.js';
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
        return { reply: `It's ${new Date(ctx.now()).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })}.` };
      case 'HassGetCurrentDate':
        return { reply: `Today is ${new Date(ctx.now()).toLocaleDateString('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })}.` };
      case 'HassStartTimer': {
        const ms = durationOf(intent);
        if (ms <= 0) return { reply: 'How long should the timer run?' };
        const name = typeof intent.slots.name === 'string' ? intent.slots.name : undefined;
        await ctx.timers.start({
          durationMs: ms, message: name ? `Your ${name} timer is done.` : 'Your timer is done.', ...opt('name', name), ...opt('area', utterance.area), ...opt('satellite', utterance.satellite),
        });
        return { reply: `${name ? `${capital(name)} timer` : 'Timer'} set for ${spoken(ms)}.` };
      }
      case 'HassTimerStatus': {
        const timers = await mine(ctx, utterance);
        if (!timers.length) return { reply: 'There are no timers running.' };
        return { reply: timers.map((t) => `${t.name ? `The ${t.name} timer` : 'A timer'} has ${spoken(t.remainingMs)} left${t.paused ? ', paused' : ''}.`).join(' ') };
      }
      default: {
        if (intent.name === 'HassCancelTimer' && (await stopRinging(ctx, utterance))) return { reply: '' };
        const timer = pick(await mine(ctx, utterance), intent);
        if (!timer) return { reply: 'There is no timer to change.' };
        if (intent.name === 'HassCancelTimer') {
          await ctx.timers.cancel(timer.id);
          return { reply: 'Timer cancelled.' };
        }
        if (intent.name === 'HassPauseTimer') return { reply: `Timer paused with ${spoken((await ctx.timers.pause(timer.id)).remainingMs)} left.` };
        if (intent.name === 'HassUnpauseTimer') return { reply: `Timer resumed with ${spoken((await ctx.timers.resume(timer.id)).remainingMs)} left.` };
        const delta = durationOf(intent) * (intent.name === 'HassDecreaseTimer' ? -1 : 1);
        const changed = await ctx.timers.adjust(timer.id, delta);
        return { reply: `The timer now has ${spoken(changed.remainingMs)} left.` };
      }
    }
  },
});

/** Timers set in this area first; when none, every timer. */
async function mine(ctx: SkillContext, utterance: UtteranceInfo): Promise<SkillTimer[]> {
  const all = await ctx.timers.list();
  const here = all.filter((t) => t.area === utterance.area);
  return here.length ? here : all;
}

function pick(timers: SkillTimer[], intent: Intent): SkillTimer | undefined {
  const name = intent.slots.name;
  if (typeof name === 'string') return timers.find((t) => t.name === name);
  return timers.at(-1);
}

/** "Stop the timer" while a finished timer rings in this room: the ringing stops. */
async function stopRinging(ctx: SkillContext, utterance: UtteranceInfo): Promise<boolean> {
  const where = { ...opt('area', utterance.area), ...opt('satellite', utterance.satellite) };
  if (!(await ctx.alarms.ringing(where)).some((r) => r.kind === 'timer')) return false;
  await ctx.alarms.stop(where);
  return true;
}

function durationOf(intent: Intent): number {
  const n = (k: string) => (intent.slots[k] === undefined ? 0 : Number(intent.slots[k]) || 0);
  return ((n('hours') * 60 + n('minutes')) * 60 + n('seconds')) * 1000;
}

function spoken(ms: number): string {
  const total = Math.round(ms / 1000);
  const h = Math.floor(total / 3600), m = Math.floor((total % 3600) / 60), s = total % 60;
  const part = (v: number, unit: string) => (v ? [`${v} ${unit}${v === 1 ? '' : 's'}`] : []);
  const parts = [...part(h, 'hour'), ...part(m, 'minute'), ...part(s, 'second')];
  return parts.length ? parts.join(' and ') : 'no time';
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
function opt<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return value === undefined ? {} : ({ [key]: value } as { [P in K]?: string });
}
