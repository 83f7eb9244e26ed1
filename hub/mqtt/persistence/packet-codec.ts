import type MemoryPersistence from 'aedes-persistence/asyncPersistence.js';

type PersistedPacket = MemoryPersistence.PersistedPacket;

/**
 * Packets are stored as JSON; the payload as base64 (compact), any other Buffer (MQTT 5 correlation data)
 * through Buffer's own toJSON shape.
 */
export function encodePacket(packet: PersistedPacket): string {
  // A spread that overrides payload: destructuring `...rest` without it was the slowest step per retained message.
  const bytes = Buffer.isBuffer(packet.payload) ? packet.payload : Buffer.from(packet.payload ?? []);
  return JSON.stringify({ ...packet, payload: bytes.toString('base64') });
}

export function decodePacket(text: string): PersistedPacket {
  const parsed = JSON.parse(text, (_key, value: unknown) => {
    if (value && typeof value === 'object' && (value as { type?: unknown }).type === 'Buffer') {
      const data = (value as { data?: unknown }).data;
      if (Array.isArray(data)) return Buffer.from(data as number[]);
    }
    return value;
  }) as Record<string, unknown> & { payload: string };
  return { ...parsed, payload: Buffer.from(parsed.payload, 'base64') } as PersistedPacket;
}
