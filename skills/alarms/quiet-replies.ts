/**
 * "Be quiet for an hour": the assistant's replies muted where it was asked, until the time said or until "you can
 * talk again". The voice side keeps them silent (the `replies_muted` action, hub/sdk/spoken-replies.ts); alarms and
 * timers still ring, and questions and what guards the house are still said.
 */
import type { Intent, RepliesMuted, RepliesUnmuted, SkillContext, SkillResponse } from '../../hub/sdk/index.js';
import { whenFromSlots } from './when.js';

const UNMUTE = 'Say "you can talk again" to hear me again.';

export function muteReplies(intent: Intent, ctx: SkillContext): SkillResponse {
  const when = whenFromSlots(intent, ctx.now());
  const until = when && 'at' in when ? when.at : undefined;
  const muted: RepliesMuted = { type: 'replies_muted', ...(until !== undefined ? { until } : {}) };
  const reply =
    until === undefined
      ? `OK, I'll stay quiet here until you say "you can talk again".`
      : `OK, I'll stay quiet here until ${clockTime(until)}. ${UNMUTE}`;
  return { reply, actions: [muted] };
}

export function unmuteReplies(): SkillResponse {
  const unmuted: RepliesUnmuted = { type: 'replies_unmuted' };
  return { reply: "OK, I'm talking again.", actions: [unmuted] };
}

/** "7:05" in the hub's local time. */
function clockTime(at: number): string {
  const d = new Date(at);
  return `${d.getHours()}:${String(d.getMinutes()).padStart(2, '0')}`;
}
