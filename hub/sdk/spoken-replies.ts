/**
 * Whether the assistant speaks its replies where a request was heard ("be quiet for an hour", "you can talk again").
 * A skill reports the change as an action; the voice service keeps the spoken replies of that area silent until
 * then (hub/voice/muted-replies.ts), whether the request was typed or spoken. Home Assistant has no intent for it:
 * a satellite is muted with its own switch entity, and HassMediaPlayerMute mutes a media player.
 */
import type { SkillAction } from './skill.js';

export interface RepliesMuted extends SkillAction {
  type: 'replies_muted';
  /** An area id; absent: where the request was heard (every area, for a request heard in none). */
  area?: string;
  /** Epoch ms; absent: until someone unmutes them. */
  until?: number;
}

export interface RepliesUnmuted extends SkillAction {
  type: 'replies_unmuted';
  /** An area id; absent: where the request was heard (every area, for a request heard in none). */
  area?: string;
}

export type RepliesChange = RepliesMuted | RepliesUnmuted;

/** The change to spoken replies among a skill's actions; an action of that type with a malformed field is none. */
export function repliesChangeIn(actions: readonly SkillAction[]): RepliesChange | undefined {
  return actions.find(
    (a): a is RepliesChange =>
      (a.type === 'replies_muted' || a.type === 'replies_unmuted') &&
      (a.area === undefined || typeof a.area === 'string') &&
      (a.until === undefined || (a.type === 'replies_muted' && Number.isFinite(a.until))),
  );
}
