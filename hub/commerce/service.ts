import type { Clock, TimerHandle } from '../core/clock.js';
import type { EventBus } from '../core/event-bus.js';
import type { HubEvents } from '../core/events.js';
import type { Logger } from '../core/logger.js';
import { applyMigrations, type Db } from '../store/database.js';
import { HubError, isHubError } from '../sdk/errors.js';
import { CatalogStore } from './catalog.js';
import type { CommerceConfig } from './config.js';
import { Confirmations, type PendingConfirmation } from './confirmations.js';
import { GpioButtons, type GpioModule } from './gpio-buttons.js';
import { MarketplaceClient } from './marketplace-client.js';
import { commerceMigrations } from './migrations.js';
import { OrderDesk, type PlaceResult } from './order-desk.js';
import { OrderStore } from './order-store.js';
import { OutboxWorker } from './outbox-worker.js';
import { PantryBox } from './pantry-box.js';
import { personAsking } from './identity.js';
import { PinGuard } from './pin-guard.js';
import { PurchasePolicy } from './policy.js';
import { CommerceSettingsStore } from './settings-store.js';
import { matchProduct, type ProductMatch } from './product-matcher.js';
import { Replenisher, type ReplenishmentOutcome } from './replenishment.js';
import { StatusSync } from './status-sync.js';
import { suggestFromHistory, type Suggestion } from './suggestions.js';
import type { Order, OrderRequest, OrderStatus, OutboxRow, Product, Quote } from './types.js';

export interface CommerceServiceDeps {
  db: Db;
  bus: EventBus<HubEvents>;
  log: Logger;
  clock: Clock;
  /** Overrides `config.marketplaceUrl`; without either the hub queues orders and never sends them. */
  marketplaceUrl?: string;
  config: CommerceConfig;
  random?: () => number;
  loadGpio?: () => Promise<GpioModule>;
}

export interface Prepared {
  quote: Quote;
  confirmationToken: string;
  expiresAt: number;
  pinRequired: boolean;
}
export type ButtonOutcome = { status: 'created' | 'deduplicated' | 'refused'; order?: Order; message: string };

const ANNOUNCE: Partial<Record<OrderStatus, string>> = {
  placed: 'has been placed',
  shipped: 'has shipped',
  delivered: 'has been delivered',
  cancelled: 'was cancelled',
  failed: 'could not be placed',
};

/** The commerce facade: everything the API, skills and main.ts call. */
export class CommerceService {
  readonly store: OrderStore;
  readonly catalogStore: CatalogStore;
  readonly policy: PurchasePolicy;
  /** The household PIN check; the skills runtime serves `ctx.verifyPin` from it, so purchases and unlocking share one counter. */
  readonly pins: PinGuard;
  /** Users, limits, buttons and rules as edited through the API (the config is the seed). */
  readonly settings: CommerceSettingsStore;
  private readonly desk: OrderDesk;
  private readonly confirmations: Confirmations;
  private readonly pantry: PantryBox;
  private readonly replenisher: Replenisher;
  private readonly gpio: GpioButtons;
  private readonly client: MarketplaceClient | undefined;
  private readonly worker: OutboxWorker | undefined;
  private readonly statusSync: StatusSync | undefined;
  private readonly log: Logger;
  private readonly unsubscribe: (() => void)[] = [];
  private catalogTimer: TimerHandle | undefined;

  constructor(private readonly deps: CommerceServiceDeps) {
    const { db, clock, config } = deps;
    this.log = deps.log.child({ module: 'commerce' });
    this.store = new OrderStore(db);
    this.catalogStore = new CatalogStore(db);
    this.settings = new CommerceSettingsStore({ db, clock, config });
    this.pins = new PinGuard({
      db,
      clock,
      hash: config.pin.hash,
      maxAttempts: config.pin.maxAttempts,
      lockoutMs: config.pin.lockoutMs,
      ...(config.defaultUser ? { defaultUser: config.defaultUser } : {}),
    });
    this.policy = new PurchasePolicy(config, this.settings, this.pins);
    this.desk = new OrderDesk({
      db,
      store: this.store,
      catalog: this.catalogStore,
      policy: this.policy,
      clock,
      config,
    });
    this.confirmations = new Confirmations({
      db,
      desk: this.desk,
      store: this.store,
      policy: this.policy,
      clock,
      ttlMs: config.confirmationTtlMs,
    });
    this.pantry = new PantryBox({
      db,
      catalog: this.catalogStore,
      desk: this.desk,
      clock,
      capacityMl: config.pantryBox.capacityMl,
      maxWeightG: config.pantryBox.maxWeightG,
    });
    this.replenisher = new Replenisher({
      db,
      desk: this.desk,
      clock,
      rules: () => this.settings.replenishment(),
      dedupe: config.buttonDedupe,
      ...(config.defaultUser ? { defaultUser: config.defaultUser } : {}),
    });
    this.gpio = new GpioButtons(
      () => this.settings.buttons(),
      this.log,
      (buttonId) => deps.bus.emit('buttonPressed', { buttonId, source: 'gpio' }),
      deps.loadGpio,
    );
    const url = deps.marketplaceUrl ?? config.marketplaceUrl;
    if (url) {
      this.client = new MarketplaceClient(url.replace(/\/$/, ''), config.sync.requestTimeoutMs);
      const onChange = (orderId: string, status: OrderStatus, note?: string) => this.announce(orderId, status, note);
      this.worker = new OutboxWorker({
        db,
        store: this.store,
        client: this.client,
        clock,
        log: this.log,
        backoff: { baseMs: config.sync.backoffBaseMs, maxMs: config.sync.backoffMaxMs },
        onChange,
        ...(deps.random ? { random: deps.random } : {}),
      });
      this.statusSync = new StatusSync({
        db,
        store: this.store,
        client: this.client,
        clock,
        log: this.log,
        intervalMs: config.sync.pollIntervalMs,
        onChange,
      });
    }
  }

  async start(): Promise<void> {
    applyMigrations(this.deps.db, 'commerce', commerceMigrations);
    const { catalog: seed, currency } = this.deps.config;
    this.catalogStore.seed(seed.map((p) => ({ ...p, currency })));
    this.settings.start();
    const { bus } = this.deps;
    this.unsubscribe.push(
      bus.on('buttonPressed', ({ buttonId, source }) => void this.pressButton(buttonId, source)),
      bus.on('deviceEvent', (e) => this.onDeviceEvent(e)),
      bus.on('deviceStateChanged', (e) => this.onDeviceState(e.deviceId, e.changed)),
      this.settings.onChange((sections) => {
        if (sections.includes('buttons')) void this.gpio.rewire();
      }),
    );
    await this.gpio.start();
    if (!this.client) {
      this.log.info('no marketplace set (commerce.marketplaceUrl): orders will wait in the outbox until one is');
      return;
    }
    this.refreshCatalogLoop(0);
    await this.worker!.start();
    await this.statusSync!.start();
  }

  async stop(): Promise<void> {
    for (const off of this.unsubscribe.splice(0)) off();
    if (this.catalogTimer) this.deps.clock.clearTimeout(this.catalogTimer);
    await this.worker?.stop();
    await this.statusSync?.stop();
    await this.gpio.stop();
  }

  // ---- catalog
  async syncCatalog(): Promise<number> {
    if (!this.client)
      throw new HubError('DEVICE_UNAVAILABLE', 'No marketplace is configured; set commerce.marketplaceUrl.');
    const products = await this.client.catalog();
    this.catalogStore.replaceAll(products, this.deps.clock.now());
    this.deps.bus.emit('catalogChanged', { products: products.length });
    return products.length;
  }
  catalog(): Product[] {
    return this.catalogStore.all();
  }
  /** What people call the products (names and aliases, lower case): the spoken grammar's `{product}` words. */
  spokenProductNames(): string[] {
    return [
      ...new Set(
        this.catalogStore
          .all()
          .flatMap((p) => [p.name, ...p.aliases])
          .map((n) => n.toLowerCase().trim())
          .filter(Boolean),
      ),
    ];
  }
  /** Who buys when a request names nobody (`commerce.defaultUser`). */
  get defaultUser(): string | undefined {
    return this.deps.config.defaultUser;
  }
  resolveProduct(text: string): ProductMatch {
    return matchProduct(text, this.catalogStore.all());
  }

  // ---- ordering
  prepareOrder(request: OrderRequest): Prepared {
    const lines = this.desk.resolveLines(request);
    const quote = this.desk.quote(lines);
    this.desk.precheck(request.userId, quote);
    const { token, expiresAt } = this.confirmations.create(
      { lines, userId: request.userId, source: request.source ?? 'voice' },
      quote,
    );
    return { quote, confirmationToken: token, expiresAt, pinRequired: this.policy.pinRequired };
  }
  /** Asynchronous because the PIN is checked off the event loop before the order's transaction. */
  async confirmOrder(token: string, options: { pin?: string } = {}): Promise<Order> {
    const result = await this.confirmations.confirm(token, options.pin);
    this.afterPlace(result);
    return result.order;
  }
  declineOrder(token: string): void {
    this.confirmations.decline(token);
  }
  pendingConfirmations(): PendingConfirmation[] {
    return this.confirmations.pending();
  }
  confirmationBuyer(token: string): string | undefined {
    return this.confirmations.buyer(token);
  }
  cancelOrder(orderId: string): Order {
    const order = this.desk.requestCancel(orderId);
    this.worker?.kick();
    return order;
  }
  orders(options: { limit?: number; userId?: string } = {}): Order[] {
    return this.store.list(options);
  }
  order(id: string): Order | undefined {
    return this.store.get(id);
  }
  outbox(state?: OutboxRow['state']): OutboxRow[] {
    return this.store.outbox(state);
  }
  suggestions(): Suggestion[] {
    return suggestFromHistory(this.deps.db, this.deps.clock.now());
  }

  // ---- buttons, replenishment, pantry
  pressButton(buttonId: string, source: HubEvents['buttonPressed']['source'] = 'api'): ButtonOutcome {
    const button = this.settings.buttons().find((b) => b.id === buttonId);
    if (!button) throw new HubError('NOT_FOUND', `No button "${buttonId}"; configure it under commerce.buttons.`);
    const userId = button.user ?? this.deps.config.defaultUser;
    let outcome: ButtonOutcome;
    try {
      if (!userId)
        throw new HubError(
          'PURCHASE_REFUSED',
          `Button ${buttonId} has no user to buy as; set its user or commerce.defaultUser.`,
          { reason: 'no_user' },
        );
      const result = this.desk.place({
        lines: [{ sku: button.sku, quantity: button.quantity }],
        userId,
        source: 'button',
        sourceRef: buttonId,
        dedupe: this.deps.config.buttonDedupe,
      });
      this.afterPlace(result);
      outcome =
        result.status === 'created'
          ? { status: 'created', order: result.order, message: `Ordered ${result.order.lines[0]?.name}.` }
          : {
              status: 'deduplicated',
              order: result.order,
              message: `Button ${buttonId} pressed again, not ordering: ${result.reason}.`,
            };
    } catch (err) {
      if (!isHubError(err)) throw err;
      outcome = { status: 'refused', message: `Button ${buttonId}: ${err.message}` };
    }
    this.log.info({ buttonId, source, status: outcome.status }, 'button pressed');
    if (outcome.status !== 'created') this.deps.bus.emit('notification', { message: outcome.message });
    return outcome;
  }

  reportConsumable(deviceId: string, consumable: string, level: number): ReplenishmentOutcome[] {
    return this.replenisher
      .rulesFor(deviceId)
      .filter((r) => r.consumable === consumable)
      .map((rule) => {
        const outcome = this.replenisher.report(rule, level);
        if (outcome.kind === 'ordered') this.afterPlace(outcome.result);
        if (outcome.kind === 'notified' || outcome.kind === 'refused')
          this.deps.bus.emit('notification', { message: outcome.message });
        return outcome;
      });
  }

  pantryContents() {
    return this.pantry.contents();
  }
  addToPantry(sku: string, quantity: number, userId?: string) {
    const result = this.pantry.add(sku, quantity, this.requireUser(userId));
    if (result.sent) this.afterPlace(result.sent);
    return result;
  }
  sendPantryBox(userId?: string): Order {
    const result = this.pantry.send(this.requireUser(userId));
    this.afterPlace(result);
    return result.order;
  }

  /** Sends what is due and fetches status updates now (tests, `hearth orders sync`). */
  async syncNow(options: { ignoreBackoff?: boolean } = {}): Promise<{ sent: number; changed: number }> {
    if (!this.worker || !this.statusSync)
      throw new HubError('DEVICE_UNAVAILABLE', 'No marketplace is configured; set commerce.marketplaceUrl.');
    const sent = await this.worker.drainNow(options.ignoreBackoff ?? false);
    const changed = await this.statusSync.pollNow();
    return { sent, changed };
  }

  private requireUser(userId: string | undefined): string {
    const id = personAsking(userId, this.deps.config.defaultUser);
    if (!id) throw new HubError('VALIDATION_FAILED', 'Say who is buying (userId) or set commerce.defaultUser.');
    return id;
  }

  private afterPlace(result: PlaceResult): void {
    if (result.status !== 'created') return;
    this.deps.bus.emit('orderChanged', { orderId: result.order.id, status: result.order.status });
    this.worker?.kick();
  }

  private announce(orderId: string, status: OrderStatus, note?: string): void {
    this.deps.bus.emit('orderChanged', { orderId, status });
    const order = this.store.get(orderId);
    const what = order?.lines.map((l) => l.name).join(', ') ?? 'order';
    const verb = ANNOUNCE[status];
    if (note) this.deps.bus.emit('notification', { message: `Your order of ${what}: ${note}` });
    else if (verb) this.deps.bus.emit('notification', { message: `Your order of ${what} ${verb}.` });
  }

  private onDeviceEvent(e: HubEvents['deviceEvent']): void {
    if (e.type === 'button_pressed') {
      const button = this.settings.buttons().find((b) => b.deviceId === e.deviceId);
      if (button) this.deps.bus.emit('buttonPressed', { buttonId: button.id, source: 'mqtt' });
      return;
    }
    if (e.type === 'consumable_low' && typeof e.data.consumable === 'string' && typeof e.data.level === 'number')
      this.reportConsumable(e.deviceId, e.data.consumable, e.data.level);
  }

  private onDeviceState(deviceId: string, changed: Record<string, unknown>): void {
    for (const rule of this.replenisher.rulesFor(deviceId)) {
      const value = rule.stateKey ? changed[rule.stateKey] : undefined;
      if (typeof value === 'number') this.reportConsumable(deviceId, rule.consumable, value);
    }
  }

  private refreshCatalogLoop(delay: number): void {
    this.catalogTimer = this.deps.clock.setTimeout(() => {
      this.syncCatalog()
        .then((n) => {
          this.log.info({ products: n }, 'catalog synced');
          this.refreshCatalogLoop(this.deps.config.sync.catalogRefreshMs);
        })
        .catch((err: unknown) => {
          this.log.warn(
            { err: err instanceof Error ? err.message : String(err), cached: this.catalogStore.count() },
            'catalog sync failed; using the cached catalog and retrying',
          );
          this.refreshCatalogLoop(Math.min(60_000, this.deps.config.sync.catalogRefreshMs));
        });
    }, delay);
  }
}
