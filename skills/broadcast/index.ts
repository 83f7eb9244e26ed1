/** Announcements (Home Assistant's HassBroadcast): "tell everyone dinner is ready" is spoken on every other satellite. */
import { defineSkill, HubError } from '../../hub/sdk/index.js';
import { broadcast } from './intents/broadcast.js';

export default defineSkill({
  id: 'broadcast',
  version: '1.0.0',
  description: 'Announcements to every room, or to one: spoken by the satellites there, not by the one that asked.',
  permissions: ['notifications'],
  intents: { HassBroadcast: broadcast },

  async handle(intent, ctx) {
    const message = spoken(intent.slots.message);
    if (!message) return { reply: 'What should I announce?' };
    const area = typeof intent.slots.area === 'string' ? intent.slots.area : undefined;
    try {
      const { satellites } = await ctx.announce(message, area ? { area } : {});
      if (satellites.length === 0) return { reply: 'There is no other satellite to announce it on.' };
      return { reply: area ? `Announced in the ${area}.` : 'Announced.', actions: [] };
    } catch (err) {
      if (err instanceof HubError && err.code === 'NOT_FOUND')
        return { reply: `There is no satellite in the ${area}.` };
      throw err;
    }
  },
});

/** "that it's bedtime" → "It's bedtime." */
function spoken(slot: unknown): string | undefined {
  if (typeof slot !== 'string') return undefined;
  const text = slot.replace(/^(that|to say|saying)\s+/i, '').trim();
  if (!text) return undefined;
  const sentence = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}
