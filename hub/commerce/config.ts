import { z } from 'zod';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use HH:MM, 24-hour clock');
const id = z.string().min(1).max(64);
/** The format `hub/mqtt/password-hash.ts` writes: `scrypt$N$r$p$<salt b64url>$<hash b64url>`. */
const SCRYPT_HASH = /^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9_-]+\$[A-Za-z0-9_-]+$/;

export const commerceUserSchema = z.strictObject({
  id,
  name: z.string().min(1),
  role: z.enum(['adult', 'child']),
});

export const buttonConfigSchema = z.strictObject({
  id,
  sku: z.string().min(1),
  quantity: z.number().int().min(1).max(20).default(1),
  /** The household member the button buys as (an adult); defaults to `commerce.defaultUser`. */
  user: id.optional(),
  /** An MQTT dash button: its `button_pressed` device events press this button. */
  deviceId: id.optional(),
  gpio: z
    .strictObject({
      pin: z.number().int().min(0).max(1023),
      edge: z.enum(['rising', 'falling', 'both']).default('falling'),
      debounceMs: z.number().int().min(0).max(5000).default(50),
      activeLow: z.boolean().default(false),
    })
    .optional(),
});

export const replenishmentRuleSchema = z.strictObject({
  id,
  deviceId: id,
  /** Consumable name in `consumable_low` events, e.g. `detergent`. */
  consumable: z.string().min(1),
  /** Device state attribute holding the level in percent, e.g. `detergent_level`. */
  stateKey: z.string().min(1).optional(),
  belowPercent: z.number().min(0).max(100),
  sku: z.string().min(1),
  quantity: z.number().int().min(1).max(20).default(1),
  mode: z.enum(['notify', 'auto']).default('notify'),
  user: id.optional(),
});

/** A product the household buys, known before the marketplace answers (its catalog replaces these at the first sync). */
export const seedProductSchema = z.strictObject({
  sku: z.string().min(1).max(64),
  name: z.string().min(1).max(200),
  aliases: z.array(z.string().min(1).max(100)).default([]),
  priceCents: z.number().int().min(0),
  packSize: z.string().max(64).default(''),
  category: z.string().max(64).default('other'),
  volumeMl: z.number().min(0).default(0),
  weightG: z.number().min(0).default(0),
  pantryEligible: z.boolean().default(false),
});

export const commerceConfigSchema = z
  .strictObject({
    marketplaceUrl: z.string().url().optional(),
    /** Products known before any marketplace has answered, so ordering works offline from the first start. */
    catalog: z.array(seedProductSchema).max(1000).default([]),
    currency: z.string().length(3).default('EUR'),
    /** IANA zone for quiet hours and monthly limits; defaults to the machine's zone. */
    timeZone: z.string().min(1).optional(),
    users: z.array(commerceUserSchema).default([]),
    /** Who buttons, replenishment and the pantry box buy as when they name nobody. */
    defaultUser: id.optional(),
    limits: z
      .strictObject({
        perOrderCents: z.number().int().min(0).default(10_000),
        perMonthCents: z.number().int().min(0).default(50_000),
      })
      .prefault({}),
    /**
     * The household PIN: asked before a purchase when `required`, and before unlocking by voice when
     * `skills.confirm.pin.required` is set. Wrong attempts are counted per person across both.
     */
    pin: z
      .strictObject({
        /** Purchases need the PIN (buttons, replenishment and the pantry box never do). */
        required: z.boolean().default(false),
        /** Never the PIN itself: the scrypt hash `hearth pin-hash` prints. */
        hash: z
          .string()
          .regex(SCRYPT_HASH, 'must be the scrypt hash printed by `hearth pin-hash` (scrypt$…), never the PIN itself')
          .optional(),
        /** Wrong PINs in a row (per person) after which the PIN is refused for `lockoutMs`. */
        maxAttempts: z.number().int().min(1).max(10).default(3),
        lockoutMs: z
          .number()
          .int()
          .min(1_000)
          .max(24 * 3600_000)
          .default(5 * 60_000),
        /** Older configs kept the PIN in clear text here. */
        code: z
          .custom<undefined>((v) => v === undefined, {
            error:
              'the PIN is no longer kept in clear text: run `hearth pin-hash`, put the printed line in commerce.pin.hash and delete commerce.pin.code',
          })
          .optional(),
      })
      .refine((p) => !p.required || p.hash !== undefined, {
        message: 'required is true but no hash is set: run `hearth pin-hash` and put its output in commerce.pin.hash',
        path: ['hash'],
      })
      .prefault({}),
    quietHours: z.strictObject({ start: hhmm, end: hhmm }).optional(),
    confirmationTtlMs: z.number().int().min(5_000).default(120_000),
    sync: z
      .strictObject({
        requestTimeoutMs: z.number().int().min(50).default(5_000),
        pollIntervalMs: z.number().int().min(10).default(30_000),
        catalogRefreshMs: z
          .number()
          .int()
          .min(1_000)
          .default(6 * 3600_000),
        backoffBaseMs: z.number().int().min(1).default(1_000),
        backoffMaxMs: z
          .number()
          .int()
          .min(1)
          .default(5 * 60_000),
      })
      .prefault({}),
    buttons: z.array(buttonConfigSchema).default([]),
    buttonDedupe: z
      .strictObject({
        /** No new order while the button's previous order has not shipped. */
        untilShipped: z.boolean().default(true),
        /** No new order within this long after the previous one, shipped or not. */
        windowMs: z.number().int().min(0).default(60_000),
      })
      .prefault({}),
    replenishment: z.array(replenishmentRuleSchema).default([]),
    pantryBox: z
      .strictObject({
        capacityMl: z.number().int().min(100).default(20_000),
        maxWeightG: z.number().int().min(100).default(15_000),
      })
      .prefault({}),
  })
  // Runs even when other commerce keys are wrong (`when`), so every problem is reported at once; the value may
  // then be partly unparsed, hence the checks on each entry's shape.
  .superRefine(
    (c, ctx) => {
      const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
      const userOf = (entry: unknown): unknown =>
        entry !== null && typeof entry === 'object' ? (entry as { user?: unknown }).user : undefined;
      const users = new Set(list(c.users).map((u) => (u as { id?: unknown } | null)?.id));
      const checkUser = (u: unknown, path: (string | number)[]) => {
        if (typeof u === 'string' && !users.has(u))
          ctx.addIssue({ code: 'custom', path, message: `unknown user "${u}"; add it to commerce.users` });
      };
      checkUser(c.defaultUser, ['defaultUser']);
      list(c.buttons).forEach((b, i) => checkUser(userOf(b), ['buttons', i, 'user']));
      list(c.replenishment).forEach((r, i) => checkUser(userOf(r), ['replenishment', i, 'user']));
    },
    { when: () => true },
  );
export type CommerceConfig = z.infer<typeof commerceConfigSchema>;
export type CommerceConfigInput = z.input<typeof commerceConfigSchema>;
export type ButtonConfig = z.infer<typeof buttonConfigSchema>;
export type ReplenishmentRule = z.infer<typeof replenishmentRuleSchema>;
export type CommerceUser = z.infer<typeof commerceUserSchema>;
