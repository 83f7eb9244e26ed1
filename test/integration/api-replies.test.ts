import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MarketplaceSimulator } from '../../firmware-sim/marketplace/server.js';
import { startTestHub, type TestHub } from '../harness/hub.js';
import { until } from '../harness/until.js';

/**
 * The test hub checks every reply against the schema its route declares (`http.checkReplies`, hub/api/reply-check.ts)
 * and answers 500 naming the field when one drifts. This reads every GET route of /openapi.json on a real hub with
 * a household in it, so every documented read is parsed at least once with its declared schema.
 */
let hub: TestHub;
let market: MarketplaceSimulator;
beforeAll(async () => {
  market = new MarketplaceSimulator();
  await market.start();
  hub = await startTestHub({
    config: {
      floors: [{ id: 'ground', name: 'Ground floor' }],
      areas: [{ id: 'kitchen', name: 'Kitchen', floor: 'ground' }],
      devices: [{ id: 'lamp', name: 'Lamp', type: 'light', area: 'kitchen' }],
      commerce: {
        marketplaceUrl: market.url,
        users: [{ id: 'sam', name: 'Sam', role: 'adult' }],
        defaultUser: 'sam',
        sync: { backoffBaseMs: 50, backoffMaxMs: 500, requestTimeoutMs: 5_000, pollIntervalMs: 200 },
      },
    },
  });
});
afterAll(async () => {
  await hub?.stop();
  await market?.stop();
});

/** A real value for each path parameter, made beforehand (404 would check only the error shape). */
async function pathValues(): Promise<Record<string, string>> {
  const alarm = await hub.api('POST', '/alarms', { time: { hour: 7, minute: 0 }, label: 'wake up' });
  expect(alarm.status).toBe(201);
  await hub.api('POST', '/utterances', { text: 'turn on the lamp' });
  const log = await hub.api<{ id: number }[]>('GET', '/voice/log');
  await until(
    async () => (await hub.api('GET', '/commerce/catalog')).body.products.length > 0,
    'the catalog to sync',
    25_000,
  );
  const quote = await hub.api('POST', '/commerce/orders/prepare', {
    lines: [{ sku: 'COF-BEAN-1KG', quantity: 1 }],
    userId: 'sam',
  });
  expect(quote.status).toBe(200);
  const order = await hub.api('POST', `/commerce/confirmations/${quote.body.confirmationToken}`);
  expect(order.status).toBe(201);
  return {
    '/api/v1/devices/{id}': 'lamp',
    '/api/v1/devices/{id}/history': 'lamp',
    '/api/v1/floors/{id}': 'ground',
    '/api/v1/areas/{id}': 'kitchen',
    '/api/v1/alarms/{id}': alarm.body.id,
    '/api/v1/voice/log/{id}': String(log.body[0]?.id),
    '/api/v1/commerce/orders/{id}': order.body.id,
  };
}

describe('API replies', () => {
  it('match their declared schema on every GET route of the real hub', async () => {
    const doc = await hub.api<{ paths: Record<string, Record<string, { description?: string }>> }>(
      'GET',
      '/openapi.json',
    );
    expect(doc.status).toBe(200);
    const values = await pathValues();
    const reads = Object.entries(doc.body.paths).filter(
      ([, ops]) => ops.get && !ops.get.description?.startsWith('WebSocket'),
    );
    expect(reads.length).toBeGreaterThan(25);
    /** Required query parameters. */
    const queries: Record<string, string> = { '/api/v1/commerce/catalog/resolve': '?q=coffee' };
    const outcomes: string[] = [];
    const skipped: string[] = [];
    for (const [path] of reads) {
      let url = path;
      if (path.includes('{')) {
        const value = values[path];
        if (value === undefined) {
          skipped.push(path);
          continue;
        }
        url = path.replace(/\{[^}]+\}/, encodeURIComponent(value));
      }
      const res = await hub.api('GET', url.slice('/api/v1'.length) + (queries[path] ?? ''));
      outcomes.push(`${res.status} ${path}${res.status >= 500 ? `: ${JSON.stringify(res.body)}` : ''}`);
    }
    expect(outcomes.filter((line) => !line.startsWith('200 '))).toEqual([]);
    // Every GET route with a parameter has a real value above; a new one needs one too.
    expect(skipped).toEqual([]);
  });
});
