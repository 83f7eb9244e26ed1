import { Readable } from 'node:stream';
import MemoryPersistence from 'aedes-persistence/asyncPersistence.js';
import type { Statement } from 'better-sqlite3';
import { applyMigrations, openDatabase, type Db } from '../../store/database.js';
import { brokerPersistenceMigrations } from './migrations.js';
import { decodePacket, encodePacket } from './packet-codec.js';

type PersistedPacket = MemoryPersistence.PersistedPacket;
type ClientRef = MemoryPersistence.ClientRef;
type SubscriptionRecord = MemoryPersistence.SubscriptionRecord;
type OfflineSubscription = MemoryPersistence.OfflineSubscription;

/**
 * aedes persistence that survives restarts and `kill -9`: aedes' own in-memory store answers every read
 * (topic trie, queues), and every change is written through to SQLite (WAL, synchronous=NORMAL) before the
 * promise resolves. On setup the in-memory store is rebuilt from the file. Wills live only in SQLite so
 * a will left by a crashed broker keeps its old broker id and is published by aedes' dead-broker sweep.
 */
export class SqlitePersistence extends MemoryPersistence {
  private db: Db | undefined;
  /** Payloads already written by storeRetainedNow(), so aedes' later storeRetained() does not write twice. */
  private readonly durablePayloads = new WeakSet<Buffer>();
  private retainedStatements: { remove: Statement; upsert: Statement } | undefined;
  private enqueueStatement: Statement | undefined;
  private retainedBatch: ((batch: Iterable<PersistedPacket>) => void) | undefined;

  constructor(private readonly file: string) {
    super();
  }

  override async setup(broker: unknown): Promise<void> {
    await super.setup(broker);
    this.db = openDatabase(this.file);
    // WAL + NORMAL: a commit is in the WAL (OS page cache) before PUBACK, so it survives kill -9 of the hub;
    // only an OS crash or power loss can lose the last commits. FULL (an fsync per group commit) cost ~16% of
    // the hub's CPU time at 10,000 retained state messages/s (bench/fan-in.ts); Mosquitto itself only saves
    // retained messages every autosave_interval. The hub's own hearth.db stays FULL.
    this.db.pragma('synchronous = NORMAL');
    applyMigrations(this.db, 'mqtt-broker', brokerPersistenceMigrations);
    await this.loadIntoMemory(this.db);
  }

  private async loadIntoMemory(db: Db): Promise<void> {
    for (const row of db.prepare('SELECT packet FROM retained').all() as { packet: string }[]) {
      await super.storeRetained(decodePacket(row.packet));
    }
    const subs = db.prepare('SELECT client_id, topic, options FROM subscriptions').all() as {
      client_id: string; topic: string; options: string;
    }[];
    const byClient = new Map<string, SubscriptionRecord[]>();
    for (const row of subs) {
      const list = byClient.get(row.client_id) ?? [];
      list.push({ ...(JSON.parse(row.options) as Omit<SubscriptionRecord, 'topic'>), topic: row.topic });
      byClient.set(row.client_id, list);
    }
    for (const [clientId, list] of byClient) await super.addSubscriptions({ id: clientId }, list);
    const queued = db.prepare('SELECT client_id, packet FROM outgoing ORDER BY seq').all() as {
      client_id: string; packet: string;
    }[];
    for (const row of queued) await super.outgoingEnqueue({ clientId: row.client_id, topic: '' }, decodePacket(row.packet));
    const incoming = db.prepare('SELECT client_id, packet FROM incoming').all() as { client_id: string; packet: string }[];
    for (const row of incoming) await super.incomingStorePacket({ id: row.client_id }, decodePacket(row.packet));
  }

  private get sql(): Db {
    if (!this.db) throw new Error('SqlitePersistence used before setup()');
    return this.db;
  }

  /**
   * Writes a retained message synchronously. The broker calls this before it acknowledges a retained
   * QoS 1 publish, because aedes sends PUBACK before it stores the message.
   */
  storeRetainedNow(packet: PersistedPacket): void {
    this.writeRetained(packet);
    this.durablePayloads.add(packet.payload);
  }

  /** Several retained messages in one transaction (one fsync): the broker's group commit (retained-group-commit.ts). */
  storeRetainedBatchNow(packets: PersistedPacket[]): void {
    // Only the last message per topic survives the batch anyway (MQTT 3.1.1 §3.3.1.3 keeps one per topic).
    const last = new Map<string, PersistedPacket>();
    for (const packet of packets) last.set(packet.topic, packet);
    // Made once: better-sqlite3's transaction() builds four wrapper functions each time it is called.
    this.retainedBatch ??= this.sql.transaction((batch: Iterable<PersistedPacket>) => {
      for (const packet of batch) this.writeRetained(packet);
    });
    this.retainedBatch(last.values());
    for (const packet of packets) this.durablePayloads.add(packet.payload);
  }

  override async storeRetained(packet: PersistedPacket): Promise<void> {
    await super.storeRetained(packet);
    if (!this.durablePayloads.has(packet.payload)) this.writeRetained(packet);
  }

  private writeRetained(packet: PersistedPacket): void {
    // An empty retained payload deletes the retained message (MQTT 3.1.1 §3.3.1.3).
    // Statements are prepared once: preparing per message cost more than the write itself under load.
    this.retainedStatements ??= {
      remove: this.sql.prepare('DELETE FROM retained WHERE topic = ?'),
      upsert: this.sql.prepare('INSERT INTO retained (topic, packet) VALUES (?, ?) ON CONFLICT(topic) DO UPDATE SET packet = excluded.packet'),
    };
    if (packet.payload.length === 0) this.retainedStatements.remove.run(packet.topic);
    else this.retainedStatements.upsert.run(packet.topic, encodePacket(packet));
  }

  override async addSubscriptions(client: ClientRef, subs: SubscriptionRecord[]): Promise<void> {
    await super.addSubscriptions(client, subs);
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
  }

  override async cleanSubscriptions(client: ClientRef): Promise<void> {
    await super.cleanSubscriptions(client);
    this.sql.prepare('DELETE FROM subscriptions WHERE client_id = ?').run(client.id);
  }

  override async outgoingEnqueue(sub: OfflineSubscription, packet: PersistedPacket): Promise<void> {
    await this.outgoingEnqueueCombi([sub], packet);
  }

  override async outgoingEnqueueCombi(subs: OfflineSubscription[], packet: PersistedPacket): Promise<void> {
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
    this.sql.prepare('DELETE FROM incoming WHERE client_id = ? AND message_id = ?').run(client.id, packet.messageId ?? 0);
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

  override streamWill(brokers: Record<string, number> = {}): Readable {
    const rows = this.sql.prepare('SELECT broker_id, packet FROM wills').all() as { broker_id: string; packet: string }[];
    return Readable.from(rows.filter((r) => brokers[r.broker_id] === undefined).map((r) => decodePacket(r.packet)));
  }

  override async destroy(): Promise<void> {
    await super.destroy();
    this.db?.close();
    this.db = undefined;
    this.retainedStatements = undefined;
    this.enqueueStatement = undefined;
    this.retainedBatch = undefined;
  }
}
