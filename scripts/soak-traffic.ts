/** What a soak run does to the hub each tick: device commands, text commands and orders, all over HTTP. */
import type { ApiReply } from '../test/harness/hub.js';

export type Api = <T = any>(method: string, path: string, body?: unknown) => Promise<ApiReply<T>>;

export interface TrafficCounts {
  commandsOk: number;
  commandsFailed: number;
  utterancesOk: number;
  utterancesFailed: number;
  ordersConfirmed: number;
  ordersRefused: number;
}

const UTTERANCES = [
  { text: 'turn on the kitchen light' },
  { text: 'turn off the kitchen light' },
  { text: 'lights on in here', area: 'living-room' },
  { text: 'kill the lights', area: 'living-room' },
  { text: 'what is the temperature in the kitchen' },
  { text: 'lock the front door' },
];

export class SoakTraffic {
  readonly counts: TrafficCounts = {
    commandsOk: 0,
    commandsFailed: 0,
    utterancesOk: 0,
    utterancesFailed: 0,
    ordersConfirmed: 0,
    ordersRefused: 0,
  };
  /** Hub order ids that were confirmed: each must reach the marketplace exactly once. */
  readonly confirmedOrders: string[] = [];
  private n = 0;

  constructor(
    private readonly api: Api,
    private readonly lights: readonly string[],
    private readonly skus: readonly string[],
  ) {}

  async commandSomeLights(count: number): Promise<void> {
    await Promise.all(
      Array.from({ length: count }, async () => {
        const id = this.lights[this.n++ % this.lights.length]!;
        const reply = await this.api('POST', `/devices/${id}/commands`, {
          command: this.n % 2 ? 'turn_on' : 'turn_off',
          timeoutMs: 2000,
        }).catch(() => undefined);
        if (reply?.status === 200) this.counts.commandsOk++;
        else this.counts.commandsFailed++;
      }),
    );
  }

  async speak(): Promise<void> {
    const utterance = UTTERANCES[this.n++ % UTTERANCES.length]!;
    const reply = await this.api('POST', '/utterances', utterance).catch(() => undefined);
    if (reply?.status === 200) this.counts.utterancesOk++;
    else this.counts.utterancesFailed++;
  }

  /** Prepare + confirm, as a confirmed voice purchase does; the marketplace may be down (the outbox holds it). */
  async order(userId: string): Promise<void> {
    const sku = this.skus[this.n++ % this.skus.length]!;
    const prepared = await this.api<{ confirmationToken: string }>('POST', '/commerce/orders/prepare', {
      lines: [{ sku, quantity: 1 }],
      userId,
      source: 'api',
    }).catch(() => undefined);
    if (prepared?.status !== 200) {
      this.counts.ordersRefused++;
      return;
    }
    const confirmed = await this.api<{ id: string }>(
      'POST',
      `/commerce/confirmations/${prepared.body.confirmationToken}`,
      {},
    ).catch(() => undefined);
    if (confirmed?.status === 201) {
      this.counts.ordersConfirmed++;
      this.confirmedOrders.push(confirmed.body.id);
    } else this.counts.ordersRefused++;
  }
}
