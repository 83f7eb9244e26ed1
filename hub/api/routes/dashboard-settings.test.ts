import { describe, expect, it } from 'vitest';
import { hubConfigSchema } from '../../config/schema.js';
import { buildTestApi } from '../test-support/test-api.js';
import { createDashboardSettingsRoutes } from './dashboard-settings.js';

const config = hubConfigSchema.parse({
  commerce: {
    users: [{ id: 'sam', name: 'Sam', role: 'adult' }, { id: 'jo', name: 'Jo', role: 'child' }],
    defaultUser: 'sam',
    pin: { required: true, code: '246810' },
    limits: { perOrderCents: 2500 },
    buttons: [{ id: 'pods', sku: 'COF-POD-30', gpio: { pin: 17 } }],
    replenishment: [{ id: 'soap', deviceId: 'washer', consumable: 'detergent', belowPercent: 15, sku: 'LAU-LIQ-3L' }],
  },
});

describe('GET /dashboard/settings', () => {
  it('shows users, limits, buttons and rules, never the PIN', async () => {
    const api = await buildTestApi({ plugins: [createDashboardSettingsRoutes(config)] });
    const res = await api.app.inject({ method: 'GET', url: '/api/v1/dashboard/settings', headers: api.auth });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.commerce).toMatchObject({
      users: [{ id: 'sam', name: 'Sam', role: 'adult' }, { id: 'jo', name: 'Jo', role: 'child' }],
      defaultUser: 'sam',
      pinRequired: true,
      limits: { perOrderCents: 2500, perMonthCents: 50_000 },
      buttons: [{ id: 'pods', sku: 'COF-POD-30', quantity: 1, gpio: { pin: 17 } }],
      replenishment: [{ id: 'soap', deviceId: 'washer', belowPercent: 15, mode: 'notify' }],
    });
    expect(res.body).not.toContain('246810');
    expect((await api.app.inject({ method: 'GET', url: '/api/v1/dashboard/settings' })).statusCode).toBe(401);
    await api.app.close();
  });
});
