/**
 * The public contract for skills: `defineSkill` and the context a skill receives.
 * A skill gets only what its manifest's permissions grant; everything else throws PERMISSION_DENIED
 * naming the missing permission. (The skills runtime in hub/skills builds the context; this file only describes it.)
 */
import type { ExpectedAnswer } from './answers.js';
import type { Device, DeviceCommand, DeviceState, DeviceType } from './devices.js';
import type { SkillAlarms } from './alarms.js';
import type { Intent, UtteranceContext } from './intents.js';
import type { IntentDeclaration } from './intent-declaration.js';
import type { PinCheck } from './pin-port.js';

/** The permissions a manifest may name as they are; `devices:control:<type>` and `http:<host>` add a part. */
export const FIXED_PERMISSIONS = [
  'devices:read',
  'devices:control',
  /**
   * Also send commands that open the house (unlock a lock or the car, open a garage door, gate or motorised door;
   * device-types/sensitive-commands.ts), on top of the control permission. The hub asks the person before a third-party skill's
   * such command is sent; without it the command is refused with FORBIDDEN. Locking and closing never need it.
   */
  'devices:unlock',
  'orders:read',
  'orders:create',
  'media',
  'notifications',
  'storage',
  'timers',
  /** Alarms and reminders (set, list, change, remove) and what is ringing (stop, snooze). */
  'alarms',
  'pin:verify',
] as const;

export type Permission = (typeof FIXED_PERMISSIONS)[number] | `devices:control:${DeviceType}` | `http:${string}`;

export interface SkillLogger {
  debug(msg: string, data?: Record<string, unknown>): void;
  info(msg: string, data?: Record<string, unknown>): void;
  warn(msg: string, data?: Record<string, unknown>): void;
  error(msg: string, data?: Record<string, unknown>): void;
}

/**
 * `devices:read` grants list/get; `devices:control` (or `devices:control:<type>`) grants command. Unlocking or opening
 * an entry also needs `devices:unlock`, and then a third-party skill's command is held until the person says yes to
 * the hub's own question: `command` rejects with CONFIRMATION_REQUIRED and the hub sends it after the yes.
 */
export interface SkillDevices {
  list(filter?: { type?: DeviceType; area?: string }): Promise<Device[]>;
  get(id: string): Promise<Device | undefined>;
  /** Sends the command and waits for the device's acknowledgement; returns the new state. */
  command(id: string, command: DeviceCommand): Promise<DeviceState>;
}

export interface SkillOrder {
  id: string;
  status: string;
  items: { productId: string; quantity: number; title?: string }[];
  createdAt: string;
  totalCents?: number;
  currency?: string;
  /** A cancellation was asked for and is on its way to the marketplace. */
  cancelRequested?: boolean;
}

/** What to order: one product (by id or by spoken name), or several lines (e.g. repeating a past order). */
export interface OrderInput {
  productId?: string;
  query?: string;
  quantity?: number;
  items?: { productId: string; quantity: number }[];
}

export interface ProductRef {
  productId: string;
  title: string;
}

/** A priced order waiting for the person's yes. Nothing is bought until `confirm(token)`. */
export interface OrderQuote {
  token: string;
  items: { productId: string; title: string; quantity: number; unitPriceCents: number; packSize?: string }[];
  totalCents: number;
  currency: string;
  /** The hub wants the purchase PIN with the confirmation. */
  pinRequired: boolean;
  /** Epoch ms after which the token no longer confirms. */
  expiresAt: number;
}

/** `reason` is a stable word (child, per_order_limit, per_month_limit, quiet_hours, pin_wrong…); `message` says why in words. */
export interface OrderRefusal {
  status: 'refused';
  reason: string;
  message: string;
}

export type OrderPreparation =
  | { status: 'quoted'; quote: OrderQuote }
  | { status: 'ambiguous'; candidates: ProductRef[] }
  | { status: 'not_found'; suggestions: ProductRef[] }
  | OrderRefusal;

export type OrderConfirmation =
  | { status: 'placed'; order: SkillOrder }
  | { status: 'expired'; message: string }
  | OrderRefusal;

/**
 * `orders:create` / `orders:read`. Orders go through the hub's limits and confirmation rules.
 * The buyer is the person who spoke (the utterance's user); a skill cannot choose it.
 * The two-step purchase: `prepare` quotes and checks the rules, the skill asks the person, then `confirm` or `decline`.
 */
export interface SkillOrders {
  /** One step, for skills that need no spoken confirmation; refused when the hub requires a PIN. */
  create(input: { productId?: string; query?: string; quantity?: number }): Promise<SkillOrder>;
  /** Newest first. */
  list(): Promise<SkillOrder[]>;
  get(id: string): Promise<SkillOrder | undefined>;
  prepare(input: OrderInput): Promise<OrderPreparation>;
  confirm(token: string, options?: { pin?: string }): Promise<OrderConfirmation>;
  decline(token: string): Promise<void>;
  /** Asks the marketplace to cancel; throws CONFLICT once the order has shipped. */
  cancel(id: string): Promise<SkillOrder>;
  /** What is collecting in the pantry box. */
  pantryBox(): Promise<{ items: (ProductRef & { quantity: number })[] }>;
  /** Sends the pantry box as one order now. */
  sendPantryBox(): Promise<OrderConfirmation>;
}

/** `media`: media players only, whatever the device permissions. */
export interface SkillMedia {
  players(filter?: { area?: string }): Promise<Device[]>;
  command(playerId: string, command: DeviceCommand): Promise<DeviceState>;
}

/** `storage`: a key/value store private to the skill. Values must be JSON. */
export interface SkillStorage {
  get<T = unknown>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
  keys(): Promise<string[]>;
}

export interface SkillTimer {
  id: string;
  name?: string;
  area?: string;
  /** The satellite that set it: it rings there. */
  satellite?: string;
  /** Spoken when the timer is done. */
  message: string;
  durationMs: number;
  /** Epoch ms when it fires; absent while paused. */
  dueAt?: number;
  /** Left to run while paused. */
  remainingMs: number;
  paused: boolean;
}

/**
 * `timers`: kept by the hub in SQLite, survive a restart. When done, a timer rings (its message, repeated) on `satellite`,
 * or in `area`, until someone says "stop" there or the ring cap passes; a `notification` event is emitted too.
 */
export interface SkillTimers {
  start(input: {
    durationMs: number;
    message: string;
    name?: string;
    area?: string;
    satellite?: string;
  }): Promise<SkillTimer>;
  list(filter?: { area?: string }): Promise<SkillTimer[]>;
  cancel(id: string): Promise<void>;
  pause(id: string): Promise<SkillTimer>;
  resume(id: string): Promise<SkillTimer>;
  /** Positive adds time, negative removes it. */
  adjust(id: string, deltaMs: number): Promise<SkillTimer>;
}

export interface HttpRequestInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface HttpResponse {
  status: number;
  body: string;
}

export interface SkillContext {
  readonly skillId: string;
  readonly log: SkillLogger;
  /** The skill's configuration, validated against the manifest's config schema. */
  readonly config: Readonly<Record<string, unknown>>;
  /** Epoch ms from the hub's clock. */
  now(): number;
  readonly devices: SkillDevices;
  readonly orders: SkillOrders;
  readonly media: SkillMedia;
  readonly storage: SkillStorage;
  readonly timers: SkillTimers;
  /** `alarms`: alarms and reminders kept by the hub, and what is ringing. */
  readonly alarms: SkillAlarms;
  /** `notifications`: speaks or shows the message in the area (all areas when absent). */
  notify(message: string, options?: { area?: string }): Promise<void>;
  /**
   * `notifications`: speaks the message now on every satellite, or those of `area` (an area id), except the satellite
   * that heard the request. Resolves with the satellites that got it; NOT_FOUND when no satellite is in `area`.
   */
  announce(message: string, options?: { area?: string }): Promise<{ satellites: string[] }>;
  /** Only hosts allow-listed by an `http:<host>` permission. */
  fetch(url: string, init?: HttpRequestInit): Promise<HttpResponse>;
  /**
   * `pin:verify`: checks a spoken PIN against the household PIN for the person who spoke. The hub keeps the hash
   * and counts wrong attempts per person across all dialogs; see `PinCheck` (hub/sdk/pin-port.ts).
   */
  verifyPin(pin: string): Promise<PinCheck>;
}

/** One thing a skill did, reported back to the API and the voice log. */
export interface SkillAction {
  type: string;
  [key: string]: unknown;
}

export interface SkillResponse {
  reply: string;
  actions?: SkillAction[];
  /**
   * The hub keeps a dialog open for this session (a confirmation, "which one?"): the next utterance from the
   * same user or area goes to `followUp` with this state first. `expect`: the answers the question takes (the
   * speech recogniser listens for those while it is open); without it a question is taken as yes/no.
   */
  followUp?: { state: unknown; expect?: ExpectedAnswer };
}

/** What the skill learns about the request beyond the intent. */
export interface UtteranceInfo extends UtteranceContext {
  text: string;
  /** Device ids the language service resolved for the intent's name/area/floor/domain slots. */
  targets: string[];
  /**
   * In `followUp`: what the answer means on its own, when it matches a sentence of any skill (an answer such as
   * "at five" can then be read with the skill's own answer intent instead of by hand).
   */
  heard?: Intent;
}

export interface SkillDefinition<I extends string = string> {
  id: string;
  version: string;
  description?: string;
  permissions: readonly Permission[];
  intents: Record<I, IntentDeclaration>;
  handle(
    intent: Intent & { name: I },
    ctx: SkillContext,
    utterance: UtteranceInfo,
  ): Promise<SkillResponse> | SkillResponse;
  /**
   * Answers the next utterance of a dialog this skill opened with `followUp`. Return undefined when the text
   * is not an answer; the hub then understands it as a new command.
   */
  followUp?(
    text: string,
    state: unknown,
    ctx: SkillContext,
    utterance: UtteranceInfo,
  ): Promise<SkillResponse | undefined> | SkillResponse | undefined;
}

export function defineSkill<const I extends string>(definition: SkillDefinition<I>): SkillDefinition<I> {
  return definition;
}
