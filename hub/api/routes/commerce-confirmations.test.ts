import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildHouseholdApi, type HouseholdApi } from '../testing/household-api.js';
import { hashPassword } from '../../mqtt/password-hash.js';

let api: HouseholdApi;
beforeEach(async () => {
  api = await buildHouseholdApi({
    commerce: {
      users: [
        { id: 'sam', name: 'Sam', role: 'adult' },
        { id: 'ash', name: 'Ash', role: 'adult' },
      ],
      defaultUser: 'sam',
      pin: { required: true, hash: hashPassword('1357') },
    },
  });
});
afterEach(async () => {
  await api.close();
});

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const list = (headers = api.auth) => api.app.inject({ method: 'GET', url: '/api/v1/commerce/confirmations', headers });
const quote = (userId: string, quantity = 1) =>
  api.app.inject({
    method: 'POST',
    url: '/api/v1/commerce/orders/prepare',
    headers: api.auth,
    payload: { lines: [{ sku: 'COF-POD-30', quantity }], userId },
  });

describe('GET /commerce/confirmations', () => {
  it('lists quotes that wait for yes/PIN until they are confirmed, declined or expire', async () => {
    expect((await list()).json()).toEqual({ confirmations: [] });
    const first = (await quote('sam', 2)).json();
    const second = (await quote('sam')).json();
    const listed = (await list()).json().confirmations;
    expect(listed).toHaveLength(2);
    expect(listed[0]).toEqual({
      token: first.confirmationToken,
      userId: 'sam',
      source: 'voice',
      expiresAt: first.expiresAt,
      pinAttempts: 0,
      pinRequired: true,
      quote: {
        lines: [{ sku: 'COF-POD-30', name: 'Coffee pods', quantity: 2, unitPriceCents: 899 }],
        totalCents: 1798,
        currency: 'EUR',
        summary: '2 × Coffee pods, 30 pods, 17.98 EUR',
      },
    });

    const wrongPin = await api.app.inject({
      method: 'POST',
      url: `/api/v1/commerce/confirmations/${first.confirmationToken}`,
      headers: api.auth,
      payload: { pin: '0000' },
    });
    expect(wrongPin.json().error.details).toEqual({ reason: 'pin_wrong' });
    expect((await list()).json().confirmations[0].pinAttempts).toBe(1);
    const confirmed = await api.app.inject({
      method: 'POST',
      url: `/api/v1/commerce/confirmations/${first.confirmationToken}`,
      headers: api.auth,
      payload: { pin: '1357' },
    });
    expect(confirmed.statusCode).toBe(201);
    expect((await list()).json().confirmations.map((c: { token: string }) => c.token)).toEqual([
      second.confirmationToken,
    ]);

    expect(
      (
        await api.app.inject({
          method: 'DELETE',
          url: `/api/v1/commerce/confirmations/${second.confirmationToken}`,
          headers: api.auth,
        })
      ).statusCode,
    ).toBe(204);
    expect((await list()).json().confirmations).toEqual([]);

    await quote('sam');
    api.clock.advance(120_001);
    expect((await list()).json().confirmations).toEqual([]);
  });

  it("shows a logged-in user only their own quotes and refuses answering someone else's", async () => {
    const samQuote = (await quote('sam')).json();
    const ashQuote = (await quote('ash')).json();
    await api.app.inject({
      method: 'PUT',
      url: '/api/v1/users/ash/password',
      headers: api.auth,
      payload: { password: 'ash password' },
    });
    const ash = bearer(
      (
        await api.app.inject({
          method: 'POST',
          url: '/api/v1/session',
          payload: { user: 'ash', password: 'ash password' },
        })
      ).json().token,
    );
    expect((await list(ash)).json().confirmations.map((c: { token: string }) => c.token)).toEqual([
      ashQuote.confirmationToken,
    ]);
    const other = await api.app.inject({
      method: 'POST',
      url: `/api/v1/commerce/confirmations/${samQuote.confirmationToken}`,
      headers: ash,
      payload: { pin: '1357' },
    });
    expect(other.statusCode).toBe(403);
    expect(other.json().error.message).toMatch(/This quote is for sam/);
    expect(
      (
        await api.app.inject({
          method: 'DELETE',
          url: `/api/v1/commerce/confirmations/${samQuote.confirmationToken}`,
          headers: ash,
        })
      ).statusCode,
    ).toBe(403);
    const own = await api.app.inject({
      method: 'POST',
      url: `/api/v1/commerce/confirmations/${ashQuote.confirmationToken}`,
      headers: ash,
      payload: { pin: '1357' },
    });
    expect(own.statusCode).toBe(201);
    expect(own.json()).toMatchObject({ userId: 'ash', status: 'pending' });
    expect(api.commerce.outbox('pending')).toHaveLength(1);
  });
});
