import { Readable } from 'node:stream';
import MemoryPersistence from 'aedes-persistence/asyncPersistence.js';
import type { Statement } from 'better-sqlite3';
import { applyMigrations, openDatabase, type Db } from '../../store/database.js';
import type { Clock } from '../../core/clock.js';
import { RETAINED_FLUSH_INTERVAL_MS, RetainedWriteBehind } from '../retained-write-behind.js';
import type { SessionBudget } from '../session-budget.js';
import { brokerPersistenceMigrations } from './migrations.js';
import { decodePacket, encodePacket } from './packet-codec.js';

type PersistedPacket = MemoryPersistence.PersistedPacket;
type ClientRef = MemoryPersistence.ClientRef;
type SubscriptionRecord = MemoryPersistence.SubscriptionRecord;
type OfflineSubscription = MemoryPersistence.OfflineSubscription;

/**
 * aedes persistence that survives restarts and `kill -9`: aedes' own in-memory store answers every read
 * (topic trie, queues), and every change is written through to SQLite (WAL, synchronous=NORMAL) before the
 * promise resolves; retained messages only, being rewritten all the time, are written behind once per flush
 * interval (retained-write-behind.ts says what a crash can lose). On setup the in-memory store is rebuilt from
 * the file. Wills live only in SQLite so a will left by a crashed broker keeps its old broker id and is
 * published by aedes' dead-broker sweep.
 */
export class SqlitePersistence extends MemoryPersistence {
  private db: Db | undefined;
  private retainedWriter: RetainedWriteBehind<PersistedPacket> | undefined;
  private retainedStatements: { remove: Statement; upsert: Statement } | undefined;
  private enqueueStatement: Statement | undefined;
  private retainedBatch: ((batch: Iterable<PersistedPacket>) => void) | undefined;

  /**
   * `retainedFlushMs`: retained messages are written behind, every this many ms (retained-write-behind.ts);
   * 0 writes each one before aedes' store completes (aedes' conformance suite, tests).
   */
  constructor(
    private readonly file: string,
    private readonly options: {
      retainedFlushMs?: number;
      clock?: Clock;
      onRetainedError?: (error: Error, pending: number) => void;
      /** Asked for every will left by a broker that died before aedes publishes it; a refused one is deleted. */
      acceptWill?: (will: PersistedPacket) => boolean;
      /** Told of every retained message stored or cleared, those read back at start included. */
      onRetained?: (topic: string, cleared: boolean) => void;
      /**
       * Whether the broker granted `topic` to this client. aedes stores every filter of a SUBSCRIBE packet once
       * one of them is granted, the refused ones too, and queues messages for them while the client is offline.
       */
      acceptSubscription?: (client: ClientRef, topic: string) => boolean;
      /** Whether a subscription read back at start is still allowed (the ACL now); a refused one is deleted. */
      acceptStoredSubscription?: (clientId: string, topic: string) => boolean;
      /** Sessions and offline queues per device, bounded (session-budget.ts). */
      budget?: SessionBudget;
      /** A message not queued for an offline session: its device's queue is full. */
      onQueueFull?: (clientId: string, topic: string) => void;
    } = {},
  ) {
    super();
  }

  override async setup(broker: unknown): Promise<void> {
    await super.setup(broker);
    this.db = openDatabase(this.file);
    // WAL + NORMAL: a commit (a queued QoS 1 message, a session) is in the WAL (OS page cache) once written,
    // so it survives kill -9 of the hub; only an OS crash or power loss can lose the last commits. The hub's
    // own hearth.db stays FULL.
    this.db.pragma('synchronous = NORMAL');
    applyMigrations(this.db, 'mqtt-broker', brokerPersistenceMigrations);
    await this.loadIntoMemory(this.db);
    const intervalMs = this.options.retainedFlushMs ?? RETAINED_FLUSH_INTERVAL_MS;
    if (intervalMs > 0) {
      this.retainedWriter = new RetainedWriteBehind<PersistedPacket>({
        writeAll: (packets) => this.writeRetainedBatch(packets),
        onError: this.options.onRetainedError ?? (() => undefined),
        intervalMs,
        ...(this.options.clock ? { clock: this.options.clock } : {}),
      });
    }
  }

  private async loadIntoMemory(db: Db): Promise<void> {
    // super: what is read back from the file is not written again.
    for (const row of db.prepare('SELECT packet FROM retained').all() as { packet: string }[]) {
      const packet = decodePacket(row.packet);
      await super.storeRetained(packet);
      this.options.onRetained?.(packet.topic, packet.payload.length === 0);
    }
    const subs = db.prepare('SELECT client_id, topic, options FROM subscriptions').all() as {
      client_id: string;
      topic: string;
      options: string;
    }[];
    const byClient = new Map<string, SubscriptionRecord[]>();
    const refused = db.prepare('DELETE FROM subscriptions WHERE client_id = ? AND topic = ?');
    for (const row of subs) {
      if (this.options.acceptStoredSubscription?.(row.client_id, row.topic) === false) {
        refused.run(row.client_id, row.topic);
        continue;
      }
      const list = byClient.get(row.client_id) ?? [];
      list.push({ ...(JSON.parse(row.options) as Omit<SubscriptionRecord, 'topic'>), topic: row.topic });
      byClient.set(row.client_id, list);
    }
    for (const [clientId, list] of byClient) {
      await super.addSubscriptions({ id: clientId }, list);
      this.options.budget?.sessionStored(clientId, true);
    }
    const queued = db.prepare('SELECT seq, client_id, packet FROM outgoing ORDER BY seq').all() as {
      seq: number;
      client_id: string;
      packet: string;
    }[];
    const overBudget = db.prepare('DELETE FROM outgoing WHERE seq = ?');
    for (const row of queued) {
      const packet = decodePacket(row.packet);
      // Queued by a hub without the bound: what is over it is dropped.
      if (this.options.budget?.enqueue(row.client_id, payloadBytes(packet)) === false) overBudget.run(row.seq);
      else await super.outgoingEnqueue({ clientId: row.client_id, topic: '' }, packet);
    }
    const incoming = db.prepare('SELECT client_id, packet FROM incoming').all() as {
      client_id: string;
      packet: string;
    }[];
    for (const row of incoming) await super.incomingStorePacket({ id: row.client_id }, decodePacket(row.packet));
  }

  private get sql(): Db {
    if (!this.db) throw new Error('SqlitePersistence used before setup()');
    return this.db;
  }

  // Not async: called for every retained publish, and the in-memory store has already taken the packet when
  // its promise is made, so one promise per message is enough.
  override storeRetained(packet: PersistedPacket): Promise<void> {
    const stored = super.storeRetained(packet);
    this.options.onRetained?.(packet.topic, (packet.payload?.length ?? 0) === 0);
    if (this.retainedWriter) {
      this.retainedWriter.mark(packet);
      return stored;
    }
    return stored.then(() => this.writeRetainedBatch([packet]));
  }

  /** Writes the retained messages still waiting for the write-behind timer (a clean stop calls it). */
  flushRetained(): void {
    this.retainedWriter?.flush();
  }

  /** Retained messages waiting for the next write-behind flush. */
  get pendingRetained(): number {
    return this.retainedWriter?.pending ?? 0;
  }

  private writeRetainedBatch(batch: Iterable<PersistedPacket>): void {
    // Made once: better-sqlite3's transaction() builds four wrapper functions each time it is called.
    this.retainedBatch ??= this.sql.transaction((packets: Iterable<PersistedPacket>) => {
      for (const packet of packets) this.writeRetained(packet);
    });
    this.retainedBatch(batch);
  }

  private writeRetained(packet: PersistedPacket): void {
    // An empty retained payload deletes the retained message (MQTT 3.1.1 §3.3.1.3).
    // Statements are prepared once: preparing per message cost more than the write itself under load.
    this.retainedStatements ??= {
      remove: this.sql.prepare('DELETE FROM retained WHERE topic = ?'),
      upsert: this.sql.prepare(
        'INSERT INTO retained (topic, packet) VALUES (?, ?) ON CONFLICT(topic) DO UPDATE SET packet = excluded.packet',
      ),
    };
    if (packet.payload.length === 0) this.retainedStatements.remove.run(packet.topic);
    else this.retainedStatements.upsert.run(packet.topic, encodePacket(packet));
  }

  override async addSubscriptions(client: ClientRef, all: SubscriptionRecord[]): Promise<void> {
    const accept = this.options.acceptSubscription;
    const subs = accept ? all.filter((sub) => accept(client, sub.topic)) : all;
    if (subs.length === 0) return;
    await super.addSubscriptions(client, subs);
    this.options.budget?.sessionStored(client.id, true);
    const upsert = this.sql.prepare(
      `INSERT INTO subscriptions (client_id, topic, options) VALUES (?, ?, ?)
       ON CONFLICT(client_id, topic) DO UPDATE SET options = excluded.options`,
    );
    this.sql.transaction(() => {
      for (const { topic, ...options } of subs) upsert.run(client.id, topic, JSON.stringify(options));
    })();
  }

  override async removeSubscriptions(client: ClientRef, topics: string[]): Promise<void> {
    await super.removeSubscriptions(client, topics);
    const del = this.sql.prepare('DELETE FROM subscriptions WHERE client_id = ? AND topic = ?');
    this.sql.transaction(() => {
      for (const topic of topics) del.run(client.id, topic);
    })();
    if (this.options.budget && (await super.subscriptionsByClient(client)).length === 0)
      this.options.budget.sessionStored(client.id, false);
  }

  override async cleanSubscriptions(client: ClientRef): Promise<void> {
    await super.cleanSubscriptions(client);
    this.sql.prepare('DELETE FROM subscriptions WHERE client_id = ?').run(client.id);
    this.options.budget?.sessionStored(client.id, false);
  }

  override async outgoingEnqueue(sub: OfflineSubscription, packet: PersistedPacket): Promise<void> {
    await this.outgoingEnqueueCombi([sub], packet);
  }

  override async outgoingEnqueueCombi(offline: OfflineSubscription[], packet: PersistedPacket): Promise<void> {
    const { budget, onQueueFull } = this.options;
    let subs = offline;
    if (budget && offline.length > 0) {
      const bytes = payloadBytes(packet);
      subs = offline.filter(
        (sub) => budget.enqueue(sub.clientId, bytes) || void onQueueFull?.(sub.clientId, packet.topic),
      );
    }
    await super.outgoingEnqueueCombi(subs, packet);
    // aedes calls this for every QoS > 0 publish, usually with no offline subscriber: no statement, no transaction.
    if (subs.length === 0) return;
    this.enqueueStatement ??= this.sql.prepare(
      'INSERT INTO outgoing (client_id, broker_id, broker_counter, message_id, packet) VALUES (?, ?, ?, NULL, ?)',
    );
    const insert = this.enqueueStatement;
    const encoded = encodePacket(packet);
    this.sql.transaction(() => {
      for (const sub of subs) insert.run(sub.clientId, packet.brokerId, packet.brokerCounter, encoded);
    })();
  }

  override async outgoingUpdate(client: ClientRef, packet: PersistedPacket): Promise<void> {
    await super.outgoingUpdate(client, packet);
    // Mirrors the two cases of the in-memory store: same message gets its packet id, or a PUBREL replaces it.
    const updated = this.sql
      .prepare('UPDATE outgoing SET message_id = ? WHERE client_id = ? AND broker_id = ? AND broker_counter = ?')
      .run(packet.messageId ?? null, client.id, packet.brokerId ?? null, packet.brokerCounter ?? null);
    if (updated.changes > 0) return;
    this.sql
      .prepare(
        `UPDATE outgoing SET broker_id = ?, broker_counter = ?, packet = ? WHERE seq =
         (SELECT seq FROM outgoing WHERE client_id = ? AND message_id = ? ORDER BY seq LIMIT 1)`,
      )
      .run(packet.brokerId ?? '', packet.brokerCounter ?? 0, encodePacket(packet), client.id, packet.messageId ?? null);
  }

  override async outgoingClearMessageId(client: ClientRef, packet: { messageId?: number }) {
    const removed = await super.outgoingClearMessageId(client, packet);
    if (removed) this.options.budget?.dequeued(client.id, payloadBytes(removed));
    this.sql
      .prepare(
        `DELETE FROM outgoing WHERE seq =
         (SELECT seq FROM outgoing WHERE client_id = ? AND message_id = ? ORDER BY seq LIMIT 1)`,
      )
      .run(client.id, packet.messageId ?? null);
    return removed;
  }

  override async incomingStorePacket(client: ClientRef, packet: PersistedPacket): Promise<void> {
    await super.incomingStorePacket(client, packet);
    this.sql
      .prepare('INSERT OR REPLACE INTO incoming (client_id, message_id, packet) VALUES (?, ?, ?)')
      .run(client.id, packet.messageId ?? 0, encodePacket(packet));
  }

  override async incomingDelPacket(client: ClientRef, packet: { messageId?: number }): Promise<void> {
    await super.incomingDelPacket(client, packet);
    this.sql
      .prepare('DELETE FROM incoming WHERE client_id = ? AND message_id = ?')
      .run(client.id, packet.messageId ?? 0);
  }

  override async cleanIncoming(client: ClientRef): Promise<void> {
    await super.cleanIncoming(client);
    this.sql.prepare('DELETE FROM incoming WHERE client_id = ?').run(client.id);
  }

  override async putWill(client: ClientRef, packet: PersistedPacket): Promise<void> {
    packet.brokerId = this.broker?.id ?? packet.brokerId;
    packet.clientId = client.id;
    this.sql
      .prepare('INSERT OR REPLACE INTO wills (client_id, broker_id, packet) VALUES (?, ?, ?)')
      .run(client.id, packet.brokerId, encodePacket(packet));
  }

  override async getWill(client: ClientRef): Promise<PersistedPacket | undefined> {
    const row = this.sql.prepare('SELECT packet FROM wills WHERE client_id = ?').get(client.id) as
      | { packet: string }
      | undefined;
    return row ? decodePacket(row.packet) : undefined;
  }

  override async delWill(client: ClientRef): Promise<PersistedPacket | undefined> {
    const will = await this.getWill(client);
    this.sql.prepare('DELETE FROM wills WHERE client_id = ?').run(client.id);
    return will;
  }

  /**
   * The wills of brokers that are gone, for aedes' sweep to publish. A will the broker no longer accepts (its
   * owner's credential changed, or it was stored by a hub that did not check wills) is deleted here: refusing it
   * later in authorizePublish would fail the whole sweep and leave it to be retried forever.
   */
  override streamWill(brokers: Record<string, number> = {}): Readable {
    const rows = this.sql.prepare('SELECT client_id, broker_id, packet FROM wills').all() as {
      client_id: string;
      broker_id: string;
      packet: string;
    }[];
    const wills: PersistedPacket[] = [];
    for (const row of rows) {
      if (brokers[row.broker_id] !== undefined) continue;
      const will = decodePacket(row.packet);
      if (this.options.acceptWill?.(will) === false)
        this.sql.prepare('DELETE FROM wills WHERE client_id = ?').run(row.client_id);
      else wills.push(will);
    }
    return Readable.from(wills);
  }

  override async destroy(): Promise<void> {
    // A clean stop loses nothing: what waits for the write-behind timer is written first.
    this.retainedWriter?.flush();
    this.retainedWriter = undefined;
    await super.destroy();
    this.db?.close();
    this.db = undefined;
    this.retainedStatements = undefined;
    this.enqueueStatement = undefined;
    this.retainedBatch = undefined;
  }
}

function payloadBytes(packet: { payload?: Buffer | string }): number {
  const { payload } = packet;
  return payload === undefined ? 0 : typeof payload === 'string' ? Buffer.byteLength(payload) : payload.length;
}
