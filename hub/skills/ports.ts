/**
 * What the skills runtime needs from modules that are not its own, as narrow interfaces.
 * hub/main.ts adapts the real services to these.
 */
import type { Alarm, AlarmChange, AlarmInput, AlarmKind, RingFilter, Ringing } from '../sdk/alarms.js';
import type { UtteranceContext } from '../sdk/intents.js';
import type { IntentDeclaration } from '../sdk/intent-declaration.js';
import type { IntentOrigin } from '../language/compile.js';
import type { Understanding as LanguageUnderstanding } from '../language/service.js';

export type { OrderCaller, OrdersPort } from '../sdk/orders-port.js';

/**
 * The language service's Understanding as the skills runtime sees it (language-adapter.ts): two devices that fit
 * a name are in `targets` (the skill asks "which one?"), and `suggestion` and `notUnderstood` are set only when
 * nothing matched.
 */
export type Understanding = Pick<
  LanguageUnderstanding,
  'intent' | 'confidence' | 'targets' | 'suggestion' | 'notUnderstood'
>;

export interface SentenceCollision {
  /** The sentence (an expansion of a template) both sides accept. */
  sentence: string;
  intent: string;
  /** Owner of the already-registered sentence (`builtin` for the hub's own sentences). */
  otherSkill: string;
  /**
   * Where the other sentence comes from. A built-in skill's gives way to an installed skill's (it is information at
   * install, not a conflict); the hub's own answers and other installed skills' are conflicts.
   */
  otherOrigin: IntentOrigin;
  otherIntent: string;
  /** A concrete utterance both sides accept, when the language service can produce one. */
  example?: string;
}

/** The language service (hub/language), seen from the skills runtime. */
export interface LanguagePort {
  understand(text: string, context: UtteranceContext): Understanding | Promise<Understanding>;
  /**
   * Registers a skill's intents; returns the collisions with sentences already registered. The built-in skills
   * pass `origin: 'builtin'` and `checkCollisions: false` (a test checks them against each other; the check costs
   * start-up time); `origin` defaults to `installed`.
   */
  addSkillIntents(
    skillId: string,
    intents: Record<string, IntentDeclaration>,
    options?: { checkCollisions?: boolean; origin?: IntentOrigin },
  ): SentenceCollision[];
  removeSkillIntents(skillId: string): void;
  /** Collisions an installed skill's intents would cause, without registering them. */
  checkSkillIntents(skillId: string, intents: Record<string, IntentDeclaration>): SentenceCollision[];
}

export type FetchFn = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string; signal: AbortSignal },
) => Promise<{
  status: number;
  text(): Promise<string>;
}>;

/** Alarms, rings and announcements (hub/alerts AlertService), seen from the skills runtime. */
export interface AlertsPort {
  setAlarm(input: AlarmInput): Alarm;
  listAlarms(filter?: { kind?: AlarmKind; user?: string }): Alarm[];
  updateAlarm(id: string, change: AlarmChange): Alarm;
  removeAlarm(id: string): void;
  ringing(filter?: RingFilter): Ringing[];
  /** Ends the rings there and cuts what the satellites there play. */
  silence(filter?: RingFilter): Promise<Ringing[]>;
  snooze(filter?: RingFilter, ms?: number): Alarm[];
  announce(announcement: { message: string; area?: string; except?: string; from?: string }): Promise<string[]>;
  timerDone(timer: { id: string; message: string; area?: string; satellite?: string }): void;
  timerRemoved(id: string): void;
}
