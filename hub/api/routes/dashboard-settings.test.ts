import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildHouseholdApi, type HouseholdApi } from '../testing/household-api.js';
import { hashPassword } from '../../mqtt/password-hash.js';

let api: HouseholdApi;
beforeEach(async () => {
  api = await buildHouseholdApi({
    commerce: {
      users: [
        { id: 'sam', name: 'Sam', role: 'adult' },
        { id: 'jo', name: 'Jo', role: 'child' },
      ],
      defaultUser: 'sam',
      pin: { required: true, hash: hashPassword('246810') },
      limits: { perOrderCents: 2500 },
      buttons: [{ id: 'pods', sku: 'COF-POD-30', gpio: { pin: 17 } }],
      replenishment: [{ id: 'soap', deviceId: 'washer', consumable: 'detergent', belowPercent: 15, sku: 'LAU-LIQ-3L' }],
    },
  });
});
afterEach(async () => {
  await api.close();
});

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
async function sessionOf(user: string): Promise<{ authorization: string }> {
  await api.app.inject({
    method: 'PUT',
    url: `/api/v1/users/${user}/password`,
    payload: { password: `${user}-password` },
    headers: api.auth,
  });
  const res = await api.app.inject({
    method: 'POST',
    url: '/api/v1/session',
    payload: { user, password: `${user}-password` },
  });
  return bearer(res.json().token);
}
const patch = (payload: unknown, headers = api.auth) =>
  api.app.inject({ method: 'PATCH', url: '/api/v1/dashboard/settings', payload: payload as object, headers });
const prepare = (payload: unknown, headers = api.auth) =>
  api.app.inject({ method: 'POST', url: '/api/v1/commerce/orders/prepare', payload: payload as object, headers });

describe('GET /dashboard/settings', () => {
  it('shows users, limits, buttons and rules, never the PIN', async () => {
    const res = await api.app.inject({ method: 'GET', url: '/api/v1/dashboard/settings', headers: api.auth });
    expect(res.statusCode).toBe(200);
    expect(res.json().commerce).toMatchObject({
      users: [
        { id: 'sam', name: 'Sam', role: 'adult', hasPassword: false },
        { id: 'jo', name: 'Jo', role: 'child', hasPassword: false },
      ],
      defaultUser: 'sam',
      pinRequired: true,
      limits: { perOrderCents: 2500, perMonthCents: 50_000 },
      buttons: [{ id: 'pods', sku: 'COF-POD-30', quantity: 1, gpio: { pin: 17 } }],
      replenishment: [{ id: 'soap', deviceId: 'washer', belowPercent: 15, mode: 'notify' }],
    });
    expect(res.body).not.toContain('246810');
    expect((await api.app.inject({ method: 'GET', url: '/api/v1/dashboard/settings' })).statusCode).toBe(401);
  });
});

describe('PATCH /dashboard/settings', () => {
  it('a lowered limit refuses the next order at once and is still there after a restart', async () => {
    expect((await prepare({ lines: [{ sku: 'COF-POD-30', quantity: 2 }], userId: 'sam' })).statusCode).toBe(200);
    const res = await patch({ limits: { perOrderCents: 1000 } });
    expect(res.statusCode).toBe(200);
    expect(res.json().commerce.limits).toEqual({ perOrderCents: 1000, perMonthCents: 50_000 });
    const refused = await prepare({ lines: [{ sku: 'COF-POD-30', quantity: 2 }], userId: 'sam' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toMatchObject({
      code: 'PURCHASE_REFUSED',
      details: { reason: 'per_order_limit' },
      message: expect.stringContaining('10.00 EUR'),
    });

    api = await api.restart();
    const after = await api.app.inject({ method: 'GET', url: '/api/v1/dashboard/settings', headers: api.auth });
    expect(after.json().commerce.limits.perOrderCents).toBe(1000);
    expect((await prepare({ lines: [{ sku: 'COF-POD-30', quantity: 2 }], userId: 'sam' })).statusCode).toBe(403);
    expect((await prepare({ lines: [{ sku: 'COF-POD-30', quantity: 1 }], userId: 'sam' })).statusCode).toBe(200);
  });

  it('names the field of an invalid limit and saves nothing', async () => {
    const res = await patch({ limits: { perOrderCents: -5, perMonthCents: 'lots' } });
    expect(res.statusCode).toBe(400);
    const error = res.json().error;
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toMatch(/limits\.perOrderCents: must be at least 0/);
    expect(error.message).toMatch(/limits\.perMonthCents: must be number/);
    expect(error.details.map((d: { path: string }) => d.path)).toEqual([
      'limits.perOrderCents',
      'limits.perMonthCents',
    ]);
    const unknown = await patch({ limts: {} });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toMatch(/limts: unknown settings section/);
    expect(
      (await api.app.inject({ method: 'GET', url: '/api/v1/dashboard/settings', headers: api.auth })).json().commerce
        .limits.perOrderCents,
    ).toBe(2500);
  });

  it('refuses a child and lets an adult session change limits', async () => {
    const jo = await sessionOf('jo');
    const res = await patch({ limits: { perOrderCents: 999_999 } }, jo);
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringMatching(/Jo is logged in as a child/),
    });
    expect(
      (
        await patch(
          {
            users: [
              { id: 'sam', name: 'Sam', role: 'adult' },
              { id: 'jo', name: 'Jo', role: 'adult' },
            ],
          },
          jo,
        )
      ).statusCode,
    ).toBe(403);
    const sam = await sessionOf('sam');
    expect((await patch({ limits: { perMonthCents: 20_000 } }, sam)).statusCode).toBe(200);
    expect(api.commerce.settings.limits()).toEqual({ perOrderCents: 2500, perMonthCents: 20_000 });
  });

  it('checks users referenced by buttons and rules, and new buttons work without a restart', async () => {
    const dangling = await patch({ buttons: [{ id: 'tea', sku: 'COF-POD-30', user: 'alex' }] });
    expect(dangling.statusCode).toBe(400);
    expect(dangling.json().error.message).toMatch(/buttons\[0\]\.user: unknown user "alex"/);
    const noDefault = await patch({ users: [{ id: 'jo', name: 'Jo', role: 'child' }] });
    expect(noDefault.json().error.message).toMatch(/users: "sam" is commerce.defaultUser/);
    const badRole = await patch({ users: [{ id: 'sam', name: 'Sam', role: 'boss' }] });
    expect(badRole.json().error.message).toMatch(/users\[0\]\.role: must be one of adult, child/);
    const twice = await patch({
      users: [
        { id: 'sam', name: 'Sam', role: 'adult' },
        { id: 'sam', name: 'Sam', role: 'adult' },
      ],
    });
    expect(twice.json().error.message).toMatch(/users\[1\]\.id: user "sam" appears twice/);

    const ok = await patch({
      users: [
        { id: 'sam', name: 'Sam', role: 'adult' },
        { id: 'jo', name: 'Jo', role: 'child' },
        { id: 'alex', name: 'Alex', role: 'adult' },
      ],
      buttons: [{ id: 'tea', sku: 'COF-POD-30', user: 'alex' }],
      replenishment: [
        { id: 'soap', deviceId: 'washer', consumable: 'detergent', belowPercent: 30, sku: 'COF-POD-30', mode: 'auto' },
      ],
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().commerce.buttons).toEqual([{ id: 'tea', sku: 'COF-POD-30', quantity: 1, user: 'alex' }]);
    const pressed = await api.app.inject({
      method: 'POST',
      url: '/api/v1/commerce/buttons/tea/press',
      headers: api.auth,
    });
    expect(pressed.json()).toMatchObject({ status: 'created', order: { userId: 'alex', source: 'button' } });
    expect(
      (await api.app.inject({ method: 'POST', url: '/api/v1/commerce/buttons/pods/press', headers: api.auth }))
        .statusCode,
    ).toBe(404);
    // The edited rule (30 %, auto) is the one the next consumable report meets.
    const level = await api.app.inject({
      method: 'POST',
      url: '/api/v1/commerce/consumables',
      headers: api.auth,
      payload: { deviceId: 'washer', consumable: 'detergent', level: 25 },
    });
    expect(level.json().outcomes[0]).toMatchObject({ kind: 'ordered' });
  });
});

describe('orders as the logged-in user', () => {
  it("attributes an adult session's order to them and refuses a child, even when naming an adult", async () => {
    const sam = await sessionOf('sam');
    const quoted = await prepare({ lines: [{ sku: 'COF-POD-30', quantity: 1 }] }, sam);
    expect(quoted.statusCode).toBe(200);
    expect(api.commerce.pendingConfirmations()[0]).toMatchObject({
      userId: 'sam',
      token: quoted.json().confirmationToken,
    });

    const jo = await sessionOf('jo');
    const asChild = await prepare({ lines: [{ sku: 'COF-POD-30', quantity: 1 }] }, jo);
    expect(asChild.statusCode).toBe(403);
    expect(asChild.json().error.details).toEqual({ reason: 'child' });
    const asSam = await prepare({ lines: [{ sku: 'COF-POD-30', quantity: 1 }], userId: 'sam' }, jo);
    expect(asSam.statusCode).toBe(403);
    expect(asSam.json().error.message).toMatch(/userId: you are logged in as jo/);
    expect(
      (await api.app.inject({ method: 'POST', url: '/api/v1/commerce/buttons/pods/press', headers: jo })).statusCode,
    ).toBe(403);
    expect(api.commerce.orders()).toEqual([]);
  });
});
