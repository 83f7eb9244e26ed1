import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SkillInstaller } from '../../skills/package/installer.js';
import { buildHouseholdApi, type HouseholdApi } from '../testing/household-api.js';
import { buildTestApi } from '../testing/test-api.js';

let api: HouseholdApi;
beforeEach(async () => {
  api = await buildHouseholdApi();
});
afterEach(async () => {
  await api.close();
});

const post = (url: string, payload?: unknown) =>
  api.app.inject({
    method: 'POST',
    url: `/api/v1${url}`,
    headers: api.auth,
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

describe('commerce routes through the route catalog', () => {
  it('refuses a bad body naming the field, and quotes nothing', async () => {
    const res = await post('/commerce/orders/prepare', { lines: [{ sku: 'COF-POD-30', quantity: 99 }], userId: 'sam' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.json().error.message).toMatch(/^Invalid request body: lines\[0\]\.quantity: /);
    expect(api.commerce.pendingConfirmations()).toEqual([]);
  });

  it('names the missing query parameter of the product lookup', async () => {
    const res = await api.app.inject({ method: 'GET', url: '/api/v1/commerce/catalog/resolve', headers: api.auth });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/^Invalid request query: q: /);
    const found = await api.app.inject({
      method: 'GET',
      url: '/api/v1/commerce/catalog/resolve?q=coffee',
      headers: api.auth,
    });
    expect(found.json()).toMatchObject({ status: 'match', product: { sku: 'COF-POD-30' } });
  });

  it('confirms a quote sent without a body', async () => {
    const quote = (await post('/commerce/orders/prepare', { product: 'coffee', userId: 'sam' })).json();
    const confirmed = await post(`/commerce/confirmations/${quote.confirmationToken}`);
    expect(confirmed.statusCode).toBe(201);
    expect(confirmed.json()).toMatchObject({ userId: 'sam', lines: [{ sku: 'COF-POD-30', quantity: 1 }] });
  });

  it('answers a body over the 1 MiB limit with the shared error shape and adds nothing', async () => {
    const res = await post('/commerce/pantry-box/items', { sku: 'COF-POD-30', userId: 'x'.repeat(1024 * 1024) });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(api.commerce.pantryContents().items).toEqual([]);
  });

  it('documents each commerce route once, from the schemas its handler parses with', async () => {
    const doc = (await api.app.inject({ method: 'GET', url: '/api/v1/openapi.json', headers: api.auth })).json();
    const commerceOps = Object.entries(doc.paths as Record<string, object>)
      .filter(([path]) => path.startsWith('/api/v1/commerce/'))
      .flatMap(([, ops]) => Object.keys(ops));
    expect(commerceOps).toHaveLength(18);
    expect(doc.paths['/api/v1/commerce/catalog/resolve'].get.parameters).toEqual([
      expect.objectContaining({ name: 'q', in: 'query', required: true }),
    ]);
  });
});

describe('POST /skills/store/:id/inspect', () => {
  it('is documented with an optional body, as its handler reads {} when there is none', async () => {
    const skills = await buildTestApi({ installer: {} as SkillInstaller });
    try {
      const doc = (
        await skills.app.inject({ method: 'GET', url: '/api/v1/openapi.json', headers: skills.auth })
      ).json();
      expect(doc.paths['/api/v1/skills/store/{id}/inspect'].post.requestBody.required).toBe(false);
      expect(doc.paths['/api/v1/skills/store/{id}/install'].post.requestBody.required).toBe(true);
    } finally {
      await skills.app.close();
    }
  });
});
