/** GET /dashboard/settings: the household's users, limits, buttons and rules, read-only and without secrets (no PIN). */
import { z } from 'zod';
import type { HubConfig } from '../../config/schema.js';
import type { ApiPlugin } from '../types.js';

const settingsReply = z.object({
  commerce: z.object({
    currency: z.string(),
    users: z.array(z.object({ id: z.string(), name: z.string(), role: z.string() })),
    defaultUser: z.string().optional(),
    limits: z.object({ perOrderCents: z.number(), perMonthCents: z.number() }),
    pinRequired: z.boolean(),
    quietHours: z.object({ start: z.string(), end: z.string() }).optional(),
    buttons: z.array(z.object({ id: z.string(), sku: z.string(), quantity: z.number() }).catchall(z.unknown())),
    replenishment: z.array(z.object({ id: z.string(), deviceId: z.string(), consumable: z.string() }).catchall(z.unknown())),
  }),
  skills: z.object({ storeConfigured: z.boolean(), trustedPublishers: z.array(z.string()) }),
});
export type DashboardSettings = z.infer<typeof settingsReply>;

export function dashboardSettings(config: Pick<HubConfig, 'commerce' | 'skills'>): DashboardSettings {
  const c = config.commerce;
  return {
    commerce: {
      currency: c.currency,
      users: c.users.map((u) => ({ id: u.id, name: u.name, role: u.role })),
      ...(c.defaultUser ? { defaultUser: c.defaultUser } : {}),
      limits: { perOrderCents: c.limits.perOrderCents, perMonthCents: c.limits.perMonthCents },
      pinRequired: c.pin.required,
      ...(c.quietHours ? { quietHours: { ...c.quietHours } } : {}),
      buttons: c.buttons.map(({ gpio, ...b }) => ({ ...b, ...(gpio ? { gpio: { pin: gpio.pin } } : {}) })),
      replenishment: c.replenishment.map((r) => ({ ...r })),
    },
    skills: { storeConfigured: config.skills.storeUrl !== undefined, trustedPublishers: config.skills.trustedPublishers.map((p) => p.id) },
  };
}

export function createDashboardSettingsRoutes(config: Pick<HubConfig, 'commerce' | 'skills'>): ApiPlugin {
  return async (app, { routes }) => {
    routes.add(app, { method: 'GET', url: '/dashboard/settings', summary: 'Users, roles, spending limits, order buttons and replenishment rules (read-only, no secrets)', tag: 'dashboard', responses: { 200: settingsReply } },
      async () => dashboardSettings(config));
  };
}
