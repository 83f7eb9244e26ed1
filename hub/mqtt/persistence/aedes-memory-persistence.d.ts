/**
 * Types for aedes-persistence's in-memory store (asyncPersistence.js), which ships its .d.ts in a
 * folder TypeScript cannot find from the deep import. Only what SqlitePersistence uses.
 */
declare module 'aedes-persistence/asyncPersistence.js' {
  import type { Readable } from 'node:stream';

  namespace MemoryPersistence {
    interface PersistedPacket {
      cmd?: string;
      topic: string;
      payload: Buffer;
      qos: number;
      retain: boolean;
      brokerId: string;
      brokerCounter: number;
      messageId?: number;
      clientId?: string;
      [key: string]: unknown;
    }
    interface ClientRef {
      id: string;
    }
    interface SubscriptionRecord {
      topic: string;
      qos: number;
      rh?: number;
      rap?: boolean | number;
      nl?: boolean | number;
      subscriptionIdentifier?: number;
    }
    interface OfflineSubscription {
      clientId: string;
      topic: string;
      qos?: number;
    }
  }

  class MemoryPersistence {
    constructor(opts?: Record<string, unknown>);
    get broker(): { id: string } | undefined;
    setup(broker: unknown): Promise<void>;
    storeRetained(packet: MemoryPersistence.PersistedPacket): Promise<void>;
    createRetainedStreamCombi(patterns: string[]): Readable;
    createRetainedStream(pattern: string): Readable;
    addSubscriptions(client: MemoryPersistence.ClientRef, subs: MemoryPersistence.SubscriptionRecord[]): Promise<void>;
    removeSubscriptions(client: MemoryPersistence.ClientRef, topics: string[]): Promise<void>;
    subscriptionsByClient(client: MemoryPersistence.ClientRef): Promise<MemoryPersistence.SubscriptionRecord[]>;
    subscriptionsByTopic(pattern: string): Promise<MemoryPersistence.OfflineSubscription[]>;
    cleanSubscriptions(client: MemoryPersistence.ClientRef): Promise<void>;
    outgoingEnqueue(
      sub: MemoryPersistence.OfflineSubscription,
      packet: MemoryPersistence.PersistedPacket,
    ): Promise<void>;
    outgoingEnqueueCombi(
      subs: MemoryPersistence.OfflineSubscription[],
      packet: MemoryPersistence.PersistedPacket,
    ): Promise<void>;
    outgoingUpdate(client: MemoryPersistence.ClientRef, packet: MemoryPersistence.PersistedPacket): Promise<void>;
    outgoingClearMessageId(
      client: MemoryPersistence.ClientRef,
      packet: { messageId?: number },
    ): Promise<MemoryPersistence.PersistedPacket | undefined>;
    outgoingStream(client: MemoryPersistence.ClientRef): Readable;
    incomingStorePacket(client: MemoryPersistence.ClientRef, packet: MemoryPersistence.PersistedPacket): Promise<void>;
    incomingGetPacket(
      client: MemoryPersistence.ClientRef,
      packet: { messageId?: number },
    ): Promise<MemoryPersistence.PersistedPacket>;
    incomingDelPacket(client: MemoryPersistence.ClientRef, packet: { messageId?: number }): Promise<void>;
    cleanIncoming(client: MemoryPersistence.ClientRef): Promise<void>;
    putWill(client: MemoryPersistence.ClientRef, packet: MemoryPersistence.PersistedPacket): Promise<void>;
    getWill(client: MemoryPersistence.ClientRef): Promise<MemoryPersistence.PersistedPacket | undefined>;
    delWill(client: MemoryPersistence.ClientRef): Promise<MemoryPersistence.PersistedPacket | undefined>;
    streamWill(brokers?: Record<string, number>): Readable;
    destroy(): Promise<void>;
  }

  export = MemoryPersistence;
}
