/**
 * Soak: a hub with a simulated household, device and text commands and orders for a long time, with faults
 * injected (devices dropping, the external broker restarting, marketplace outages). Samples RSS and fits a
 * trend; checks against the marketplace simulator's ledger that no confirmed order was lost or duplicated.
 *
 *   node --expose-gc --import tsx scripts/soak.ts [--minutes 30 | --seconds 45] [--embedded] [--out bench/results/soak.json]
 *
 * Default: 30 minutes on Debian's Mosquitto (external mode, so the broker can be restarted). Everything runs
 * in this one process (hub, simulated devices, marketplace), so the RSS is theirs together.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { MarketplaceSimulator } from '../firmware-sim/marketplace/server.js';
import { SIM_CATALOG } from '../firmware-sim/marketplace/catalog.js';
import { runHousehold, type RunningHousehold } from '../firmware-sim/index.js';
import { startMosquitto, type MosquittoInstance } from '../test/harness/mosquitto.js';
import { startTestHub, type TestHub } from '../test/harness/hub.js';
import { SoakTraffic, type TrafficCounts } from './soak-traffic.js';
import { fitRssTrend, type RssSample, type RssTrend } from './soak-trend.js';

export interface SoakOptions {
  durationMs: number;
  external: boolean;
  sampleEveryMs?: number;
  faultEveryMs?: number;
  faultMs?: number;
  log?: (line: string) => void;
}

export interface SoakSummary {
  at: string;
  durationMs: number;
  mode: 'external (mosquitto)' | 'embedded';
  traffic: TrafficCounts;
  faults: { deviceDrops: number; brokerRestarts: number; marketplaceOutages: number };
  orders: {
    confirmed: number;
    inLedgerOnce: number;
    lost: string[];
    duplicated: string[];
    failedAtMarketplace: number;
    outboxPendingAtEnd: number;
  };
  rss: RssTrend;
  ok: boolean;
}

const USER = 'soak-adult';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function runSoak(options: SoakOptions): Promise<SoakSummary> {
  const log = options.log ?? (() => {});
  const sampleEveryMs = options.sampleEveryMs ?? 5000;
  const faultEveryMs = options.faultEveryMs ?? 60_000;
  const faultMs = options.faultMs ?? 10_000;
  const marketplace = new MarketplaceSimulator({ times: { shipAfterMs: 3000, deliverAfterMs: 6000 } });
  await marketplace.start();
  let mosquitto: MosquittoInstance | undefined;
  let hub: TestHub | undefined;
  let household: RunningHousehold | undefined;
  try {
    if (options.external) mosquitto = await startMosquitto();
    hub = await startTestHub({
      config: {
        voice: { recognizer: 'text' },
        ...(mosquitto ? { mqtt: { url: mosquitto.url } } : {}),
        commerce: {
          marketplaceUrl: marketplace.url,
          users: [{ id: USER, name: 'Soak adult', role: 'adult' }],
          defaultUser: USER,
          limits: { perOrderCents: 1_000_000, perMonthCents: 1_000_000_000 },
          sync: { requestTimeoutMs: 1000, pollIntervalMs: 1000, backoffBaseMs: 200, backoffMaxMs: 2000 },
        },
      },
    });
    const api = hub.api;
    await api('POST', '/commerce/catalog/sync');
    household = await runHousehold({
      hubUrl: hub.runtime.http.url,
      token: hub.token,
      ...(mosquitto ? { mqttUrl: mosquitto.url } : {}),
      print: () => {},
      reconnectPeriodMs: 1000,
      delay: { minMs: 5, maxMs: 50 },
    });
    const sims = [...household.devices.values()];
    const lights = sims.filter((d) => d.kind === 'light').map((d) => d.id);
    const traffic = new SoakTraffic(
      api,
      lights,
      SIM_CATALOG.slice(0, 6).map((p) => p.sku),
    );
    log(
      `soak: ${sims.length} devices, ${lights.length} lights, ${options.external ? 'Mosquitto' : 'embedded broker'}, ${Math.round(options.durationMs / 1000)} s`,
    );

    const faults = { deviceDrops: 0, brokerRestarts: 0, marketplaceOutages: 0 };
    const samples: RssSample[] = [];
    const started = performance.now();
    const elapsed = () => performance.now() - started;
    let nextSample = 0;
    let nextFault = faultEveryMs / 2;
    let faultIndex = 0;
    let tick = 0;
    while (elapsed() < options.durationMs) {
      const tickStarted = elapsed();
      await traffic.commandSomeLights(3);
      await traffic.speak();
      if (tick++ % 5 === 0) await traffic.order(USER);
      if (elapsed() >= nextFault) {
        nextFault += faultEveryMs;
        const kind = faultIndex++ % 3;
        if (kind === 0) {
          const victim = sims[faultIndex % sims.length]!;
          victim.dropConnection();
          faults.deviceDrops++;
          log(`fault: ${victim.id} dropped its connection`);
        } else if (kind === 1) {
          marketplace.faults.patch({ down: true });
          faults.marketplaceOutages++;
          log(`fault: marketplace down for ${faultMs} ms`);
          setTimeout(() => marketplace.faults.patch({ down: false }), faultMs).unref();
        } else if (mosquitto) {
          await mosquitto.kill();
          faults.brokerRestarts++;
          log('fault: Mosquitto killed; restarting in 2 s');
          await sleep(2000);
          await mosquitto.restart();
        }
      }
      if (elapsed() >= nextSample) {
        nextSample += sampleEveryMs;
        (globalThis as { gc?: () => void }).gc?.();
        samples.push({ atMs: Math.round(elapsed()), rssBytes: process.memoryUsage().rss });
      }
      await sleep(Math.max(0, 1000 - (elapsed() - tickStarted)));
    }

    // Faults off, then let the outbox drain before reading the ledger.
    marketplace.faults.reset();
    let pending = Infinity;
    for (let i = 0; i < 60 && pending > 0; i++) {
      await api('POST', '/commerce/sync').catch(() => undefined);
      pending = ((await api<{ rows: unknown[] }>('GET', '/commerce/outbox?state=pending')).body.rows ?? []).length;
      if (pending > 0) await sleep(500);
    }
    const ledger = marketplace.ledger.summary();
    const failed = new Set(
      ((await api<{ orders: { id: string; status: string }[] }>('GET', '/commerce/orders?limit=500')).body.orders ?? [])
        .filter((o) => o.status === 'failed')
        .map((o) => o.id),
    );
    const lost: string[] = [];
    const duplicated: string[] = [];
    let once = 0;
    for (const id of traffic.confirmedOrders) {
      const count = ledger.ordersByClientRef[id] ?? 0;
      if (count === 1) once++;
      else if (count > 1) duplicated.push(id);
      else if (!failed.has(id)) lost.push(id);
    }
    for (const [key, count] of Object.entries(ledger.ordersByKey))
      if (count > 1) duplicated.push(`idempotency key ${key}`);
    const rss = fitRssTrend(samples);
    const summary: SoakSummary = {
      at: new Date().toISOString(),
      durationMs: Math.round(elapsed()),
      mode: options.external ? 'external (mosquitto)' : 'embedded',
      traffic: traffic.counts,
      faults,
      orders: {
        confirmed: traffic.confirmedOrders.length,
        inLedgerOnce: once,
        lost,
        duplicated,
        failedAtMarketplace: failed.size,
        outboxPendingAtEnd: pending,
      },
      rss,
      ok: lost.length === 0 && duplicated.length === 0 && pending === 0 && !rss.growing,
    };
    return summary;
  } finally {
    await household?.stop().catch(() => undefined);
    await hub?.stop();
    await mosquitto?.stop();
    marketplace.faults.reset();
    await marketplace.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      minutes: { type: 'string' },
      seconds: { type: 'string' },
      embedded: { type: 'boolean' },
      out: { type: 'string' },
    },
  });
  const durationMs = values.seconds ? Number(values.seconds) * 1000 : Number(values.minutes ?? 30) * 60_000;
  const short = durationMs <= 120_000;
  const summary = await runSoak({
    durationMs,
    external: !values.embedded,
    ...(short ? { sampleEveryMs: 1000, faultEveryMs: 8000, faultMs: 3000 } : {}),
    log: (line) => console.error(`[soak ${new Date().toISOString().slice(11, 19)}] ${line}`),
  });
  console.log(JSON.stringify(summary, null, 2));
  const out = resolve(values.out ?? 'bench/results/soak.json');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(summary, null, 2)}\n`);
  process.exit(summary.ok ? 0 : 1);
}
