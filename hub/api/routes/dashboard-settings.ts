/**
 * GET /dashboard/settings: the household's users, limits, buttons and rules as they are now, without secrets
 * (no PIN, no password hashes). PATCH /dashboard/settings changes any of users, limits, buttons and
 * replenishment rules (the API token or an adult); the commerce settings store validates and persists them.
 */
import { z } from 'zod';
import type { HubConfig } from '../../config/schema.js';
import { HubError } from '../../sdk/errors.js';
import { buttonConfigSchema, commerceUserSchema, replenishmentRuleSchema } from '../../commerce/config.js';
import type { CommerceSettingsStore } from '../../commerce/settings-store.js';
import { requireAdult } from '../principal.js';
import { defineRoutes } from '../route-group.js';

const settingsReply = z.object({
  commerce: z.object({
    currency: z.string(),
    users: z.array(z.object({ id: z.string(), name: z.string(), role: z.string(), hasPassword: z.boolean() })),
    defaultUser: z.string().optional(),
    limits: z.object({ perOrderCents: z.number(), perMonthCents: z.number() }),
    pinRequired: z.boolean(),
    quietHours: z.object({ start: z.string(), end: z.string() }).optional(),
    buttons: z.array(z.object({ id: z.string(), sku: z.string(), quantity: z.number() }).catchall(z.unknown())),
    replenishment: z.array(
      z.object({ id: z.string(), deviceId: z.string(), consumable: z.string() }).catchall(z.unknown()),
    ),
  }),
  skills: z.object({ storeConfigured: z.boolean(), trustedPublishers: z.array(z.string()) }),
});
export type DashboardSettings = z.infer<typeof settingsReply>;

/** Documents the PATCH body; the store validates each section itself so its errors name `limits.perOrderCents` etc. */
const settingsPatch = z.strictObject({
  users: z.array(commerceUserSchema).optional(),
  limits: z
    .strictObject({
      perOrderCents: z.number().int().min(0).optional(),
      perMonthCents: z.number().int().min(0).optional(),
    })
    .optional(),
  buttons: z.array(buttonConfigSchema).optional(),
  replenishment: z.array(replenishmentRuleSchema).optional(),
});

export interface SettingsSources {
  config: Pick<HubConfig, 'commerce' | 'skills'>;
  settings: Pick<CommerceSettingsStore, 'snapshot' | 'update'>;
  /** Users' passwords (hub/api/sessions): shown as hasPassword, dropped with the user. */
  passwords?: { hasPassword(userId: string): boolean; forgetUsersExcept(keep: readonly string[]): void };
}

export function dashboardSettings({ config, settings, passwords }: SettingsSources): DashboardSettings {
  const c = config.commerce;
  const live = settings.snapshot();
  return {
    commerce: {
      currency: c.currency,
      users: live.users.map((u) => ({
        id: u.id,
        name: u.name,
        role: u.role,
        hasPassword: passwords?.hasPassword(u.id) ?? false,
      })),
      ...(c.defaultUser ? { defaultUser: c.defaultUser } : {}),
      limits: { perOrderCents: live.limits.perOrderCents, perMonthCents: live.limits.perMonthCents },
      pinRequired: c.pin.required,
      ...(c.quietHours ? { quietHours: { ...c.quietHours } } : {}),
      // Whole entries (GPIO edge and debounce too), so the dashboard can save a list back without losing fields.
      buttons: live.buttons.map((b) => ({ ...b })),
      replenishment: live.replenishment.map((r) => ({ ...r })),
    },
    skills: {
      storeConfigured: config.skills.storeUrl !== undefined,
      trustedPublishers: config.skills.trustedPublishers.map((p) => p.id),
    },
  };
}

export const dashboardSettingsRoutes = defineRoutes({
  name: 'dashboard settings',
  needs: ['hubConfig', 'commerce'],
  optional: ['sessions'],
  plugin: async (app, { deps, routes }) => {
    const sources: SettingsSources = {
      config: deps.hubConfig,
      settings: deps.commerce.settings,
      passwords: deps.sessions,
    };
    routes.add(
      app,
      {
        method: 'GET',
        url: '/dashboard/settings',
        summary: 'Users, roles, spending limits, order buttons and replenishment rules (no secrets)',
        tag: 'dashboard',
        responses: { 200: settingsReply },
      },
      async () => dashboardSettings(sources),
    );
    routes.add(
      app,
      {
        method: 'PATCH',
        url: '/dashboard/settings',
        tag: 'dashboard',
        summary:
          'Change users, spending limits, buttons or replenishment rules (API token or an adult); kept across restarts, used by the next order',
        documentedBody: settingsPatch,
        responses: { 200: settingsReply },
        errors: ['FORBIDDEN'],
      },
      async (request) => {
        requireAdult(request, 'change users, limits, buttons or rules');
        const body = request.body;
        if (body === null || typeof body !== 'object' || Array.isArray(body))
          throw new HubError(
            'VALIDATION_FAILED',
            'Invalid request body: send an object with any of users, limits, buttons, replenishment.',
          );
        const saved = sources.settings.update(body as Record<string, unknown>);
        if ('users' in body) sources.passwords?.forgetUsersExcept(saved.users.map((u) => u.id));
        return dashboardSettings(sources);
      },
    );
  },
});
