import type { Clock } from '../core/clock.js';
import type { Intent } from '../sdk/intents.js';

export interface OpenDialog {
  skillId: string;
  intent: Intent;
  state: unknown;
  /** The hub asked (hub-confirmation.ts), not the skill: the answer never reaches skill code. */
  byHub?: boolean;
  expiresAt: number;
}

/** Follow-up questions per session: one open dialog per user, or per area when the user is unknown. */
export class DialogStore {
  private readonly open = new Map<string, OpenDialog>();

  constructor(
    private readonly clock: Clock,
    private readonly ttlMs: number,
  ) {}

  static sessionKey(context: { user?: string; area?: string }): string {
    if (context.user) return `user:${context.user}`;
    if (context.area) return `area:${context.area}`;
    return 'default';
  }

  get(session: string): OpenDialog | undefined {
    const dialog = this.open.get(session);
    if (dialog && dialog.expiresAt <= this.clock.now()) {
      this.open.delete(session);
      return undefined;
    }
    return dialog;
  }

  set(session: string, dialog: Omit<OpenDialog, 'expiresAt'>): void {
    this.open.set(session, { ...dialog, expiresAt: this.clock.now() + this.ttlMs });
  }

  close(session: string): void {
    this.open.delete(session);
  }

  /** Drops every dialog a skill opened (it was unloaded or disabled). */
  closeSkill(skillId: string): void {
    for (const [key, dialog] of this.open) if (dialog.skillId === skillId) this.open.delete(key);
  }
}
