import { describe, expect, it } from 'vitest';
import { ManualClock } from '../core/clock.js';
import { MarketplaceProbe } from './marketplace-probe.js';

function fakeFetch(answers: (number | Error)[]): { fetchImpl: typeof fetch; urls: string[] } {
  const urls: string[] = [];
  const fetchImpl = (async (url: string) => {
    urls.push(url);
    const next = answers.shift() ?? 200;
    if (next instanceof Error) throw next;
    return new Response('{}', { status: next });
  }) as unknown as typeof fetch;
  return { fetchImpl, urls };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('MarketplaceProbe', () => {
  it('is "not checked yet" until the first probe, then follows the answers on its interval', async () => {
    const clock = new ManualClock();
    const { fetchImpl, urls } = fakeFetch([200, 503, new Error('connect ECONNREFUSED')]);
    const probe = new MarketplaceProbe({
      url: 'http://shop.test/',
      clock,
      intervalMs: 1000,
      timeoutMs: 100,
      fetchImpl,
    });
    expect(probe.status()).toMatchObject({ status: 'degraded', detail: expect.stringContaining('not checked yet') });
    probe.start();
    clock.advance(0);
    await settle();
    expect(probe.status()).toEqual({ status: 'ok', detail: 'http://shop.test/ reachable' });
    expect(urls).toEqual(['http://shop.test/catalog']);

    clock.advance(1000);
    await settle();
    expect(probe.status()).toMatchObject({ status: 'degraded', detail: expect.stringContaining('answers 503') });
    clock.advance(1000);
    await settle();
    expect(probe.status()).toMatchObject({
      status: 'degraded',
      detail: expect.stringContaining('unreachable (connect ECONNREFUSED)'),
    });

    probe.stop();
    clock.advance(10_000);
    await settle();
    expect(urls).toHaveLength(3);
  });

  it('a 404 still means the marketplace answers; concurrent probes share one request', async () => {
    const { fetchImpl, urls } = fakeFetch([404]);
    const probe = new MarketplaceProbe({
      url: 'http://shop.test',
      clock: new ManualClock(),
      intervalMs: 1000,
      timeoutMs: 100,
      fetchImpl,
    });
    const [a, b] = await Promise.all([probe.probe(), probe.probe()]);
    expect(a).toBe(b);
    expect(a.status).toBe('ok');
    expect(urls).toHaveLength(1);
  });
});
