import { HubError } from '../sdk/errors.js';
import type { CommerceConfig, CommerceUser } from './config.js';
import { lockedMessage, type PinGuard } from './pin-guard.js';
import type { LiveCommerceSettings } from './settings-store.js';
import { formatMoney } from './types.js';

export interface PolicyInput {
  userId: string;
  totalCents: number;
  /** Already committed this month (excluding cancelled and failed orders). */
  monthSpentCents: number;
  now: number;
  /** Buttons, replenishment rules and the pantry box were authorised by an adult in the config. */
  preauthorised: boolean;
  /** `verifyPin` accepted the PIN for this user (before the transaction: scrypt must not block the event loop). */
  pinVerified?: boolean;
}

function refuse(message: string, reason: string): HubError {
  return new HubError('PURCHASE_REFUSED', message, { reason });
}
const pinMissing = () => refuse('A purchase PIN is required; say or enter the PIN to confirm.', 'pin_missing');

/** Minutes since local midnight in the given zone. */
export function minutesOfDay(epochMs: number, timeZone: string | undefined): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(epochMs);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  return get('hour') * 60 + get('minute');
}

/** `YYYY-MM` of the instant in the given zone: the bucket monthly limits count in. */
export function monthOf(epochMs: number, timeZone: string | undefined): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' }).formatToParts(
    epochMs,
  );
  return `${parts.find((p) => p.type === 'year')?.value}-${parts.find((p) => p.type === 'month')?.value}`;
}

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** A policy built without a PIN guard (unit tests): every PIN is refused. */
const NO_PINS: Pick<PinGuard, 'verify' | 'lockedUntil'> = {
  verify: async () => ({ status: 'unset', message: 'No household PIN guard is wired in.' }),
  lockedUntil: () => undefined,
};

/**
 * Every purchase rule in one place. `check` throws PURCHASE_REFUSED with a message a
 * person can act on; callers run it inside the transaction that writes the order, after
 * `verifyPin` (asynchronous) accepted the PIN.
 */
export class PurchasePolicy {
  /**
   * `settings`: the live users and limits (edited through the API); without it, the config's.
   * `pins`: the household PIN guard, shared with unlocking by voice so both count the same wrong attempts.
   */
  constructor(
    private readonly config: CommerceConfig,
    private readonly settings: Pick<LiveCommerceSettings, 'user' | 'limits'> = {
      user: (id) => config.users.find((u) => u.id === id),
      limits: () => config.limits,
    },
    private readonly pins: Pick<PinGuard, 'verify' | 'lockedUntil'> = NO_PINS,
  ) {}

  user(id: string): CommerceUser | undefined {
    return this.settings.user(id);
  }

  get pinRequired(): boolean {
    return this.config.pin.required;
  }

  inQuietHours(now: number): boolean {
    const q = this.config.quietHours;
    if (!q) return false;
    const m = minutesOfDay(now, this.config.timeZone);
    const start = toMinutes(q.start);
    const end = toMinutes(q.end);
    return start <= end ? m >= start && m < end : m >= start || m < end;
  }

  /** The checks that need no PIN: run when quoting, so a refusal comes before "Shall I order it?". */
  checkWithoutPin(input: Omit<PolicyInput, 'pinVerified'>): void {
    const user = this.settings.user(input.userId);
    if (!user)
      throw refuse(
        `"${input.userId}" is not a known household member, so they cannot buy; add them to commerce.users.`,
        'unknown_user',
      );
    if (user.role !== 'adult')
      throw refuse(`${user.name} is a child and may not buy things; ask an adult to order it.`, 'child');
    const { perOrderCents, perMonthCents } = this.settings.limits();
    const currency = this.config.currency;
    if (input.totalCents > perOrderCents)
      throw refuse(
        `This order costs ${formatMoney(input.totalCents, currency)}, over the limit of ${formatMoney(perOrderCents, currency)} per order; order less, or an adult can raise the per-order limit in the dashboard's settings.`,
        'per_order_limit',
      );
    if (input.monthSpentCents + input.totalCents > perMonthCents)
      throw refuse(
        `This order would bring this month's spending to ${formatMoney(input.monthSpentCents + input.totalCents, currency)}, over the monthly limit of ${formatMoney(perMonthCents, currency)}; wait until next month, or an adult can raise the monthly limit in the dashboard's settings.`,
        'per_month_limit',
      );
    if (this.inQuietHours(input.now))
      throw refuse(
        `No purchases during quiet hours (${this.config.quietHours!.start} to ${this.config.quietHours!.end}); try again after ${this.config.quietHours!.end}.`,
        'quiet_hours',
      );
  }

  /** Whether this purchase needs the PIN at all. */
  needsPin(preauthorised: boolean): boolean {
    return !preauthorised && this.config.pin.required;
  }

  /** Checks the PIN off the event loop; throws PURCHASE_REFUSED (pin_missing, pin_wrong, pin_locked, pin_unset). */
  async verifyPin(userId: string, pin: string | undefined): Promise<void> {
    if (pin === undefined) throw pinMissing();
    const check = await this.pins.verify(userId, pin);
    if (check.status === 'ok') return;
    if (check.status === 'wrong' && check.lockedUntil === undefined)
      throw refuse('The PIN is wrong; nothing was ordered.', 'pin_wrong');
    if (check.status === 'wrong') throw refuse(`The PIN is wrong; nothing was ordered. ${check.message}`, 'pin_locked');
    throw refuse(`${check.message} Nothing was ordered.`, check.status === 'locked' ? 'pin_locked' : 'pin_unset');
  }

  check(input: PolicyInput): void {
    this.checkWithoutPin(input);
    if (!this.needsPin(input.preauthorised)) return;
    if (!input.pinVerified) throw pinMissing();
    // A guess made while this PIN was being checked may have locked the PIN since: the lockout wins.
    const lockedUntil = this.pins.lockedUntil(input.userId);
    if (lockedUntil !== undefined)
      throw refuse(`${lockedMessage(lockedUntil - input.now)} Nothing was ordered.`, 'pin_locked');
  }
}
