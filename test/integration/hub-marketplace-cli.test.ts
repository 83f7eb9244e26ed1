/** `hearth-sim marketplace`: the simulator from the command line, and a hub ordering from it. */
import { describe, expect, it } from 'vitest';
import { runSimCli } from '../../firmware-sim/cli.js';
import { startTestHub } from '../harness/hub.js';
import { until } from '../harness/until.js';

describe('hearth-sim marketplace', () => {
  it("serves the catalog and takes the hub's button order until stopped", async () => {
    const lines: string[] = [];
    const stop = new AbortController();
    const done = runSimCli(['marketplace', '--port', '0', '--ship-after', '60000'], {
      stdout: (l) => lines.push(l),
      signal: stop.signal,
    });
    await until(() => lines.some((l) => l.startsWith('admin: ')), 'the simulator to listen');
    const url = /^admin: (http:\/\/127\.0\.0\.1:\d+)\/admin\/ledger/.exec(
      lines.find((l) => l.startsWith('admin: '))!,
    )![1]!;

    const catalog = (await (await fetch(`${url}/catalog`)).json()) as { products: { sku: string }[] };
    expect(catalog.products.length).toBeGreaterThan(5);

    const hub = await startTestHub({
      config: {
        commerce: {
          marketplaceUrl: url,
          users: [{ id: 'kim', name: 'Kim', role: 'adult' }],
          defaultUser: 'kim',
          buttons: [{ id: 'tea', sku: 'TEA-BLK-80' }],
        },
      },
    });
    try {
      await until(
        async () => (await hub.api('GET', '/commerce/catalog')).body.products.length > 0,
        'the hub to sync the catalog',
      );
      const press = await hub.api('POST', '/commerce/buttons/tea/press');
      expect(press.body.status).toBe('created');
      await until(
        async () => ((await (await fetch(`${url}/admin/ledger`)).json()) as { totalOrders: number }).totalOrders === 1,
        'the order at the marketplace',
      );
    } finally {
      await hub.stop();
      stop.abort();
    }
    expect(await done).toBe(0);
    await expect(fetch(`${url}/catalog`)).rejects.toThrow();
  });

  it('a bad flag value is a usage error (exit 2) naming the flag', async () => {
    const errors: string[] = [];
    expect(await runSimCli(['marketplace', '--error-rate', 'lots'], { stderr: (l) => errors.push(l) })).toBe(2);
    expect(errors.join('\n')).toContain('--error-rate must be a non-negative number');
  });
});
