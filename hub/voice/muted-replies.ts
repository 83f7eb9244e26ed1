/**
 * Where the assistant keeps its replies to itself, and until when ("be quiet for an hour", skills report it as a
 * `replies_muted` action, hub/sdk/spoken-replies.ts). Kept in memory: a restart speaks again. What rings (alarms,
 * timers) and announcements are not replies and still sound; the pipeline still speaks questions and what guards
 * the house.
 */
import type { Clock } from '../core/clock.js';
import type { RepliesChange } from '../sdk/spoken-replies.js';

/** The key of a mute heard in no area: it holds in every area. */
const EVERYWHERE = '*';

export class MutedReplies {
  /** Per area id (or EVERYWHERE): epoch ms until which replies stay silent; Infinity until unmuted. */
  private readonly until = new Map<string, number>();

  constructor(private readonly clock: Clock) {}

  /** Applies a skill's change; `heardIn` is the area of the request, used when the change names none. */
  apply(change: RepliesChange, heardIn: string | undefined): void {
    const key = change.area ?? heardIn ?? EVERYWHERE;
    if (change.type === 'replies_muted') {
      this.until.set(key, change.until ?? Number.POSITIVE_INFINITY);
      return;
    }
    // Unmuted where it was heard, and no longer muted "everywhere"; unmuted with no area: everywhere.
    if (key === EVERYWHERE) this.until.clear();
    this.until.delete(key);
    this.until.delete(EVERYWHERE);
  }

  /** Whether replies in this area (undefined: heard in none) are silent now. */
  isMuted(area: string | undefined): boolean {
    const now = this.clock.now();
    for (const key of [area ?? EVERYWHERE, EVERYWHERE]) {
      const until = this.until.get(key);
      if (until === undefined) continue;
      if (until > now) return true;
      this.until.delete(key);
    }
    return false;
  }
}
