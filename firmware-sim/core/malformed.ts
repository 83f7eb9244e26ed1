/** Bad payloads for fault injection: what buggy or hostile firmware puts on the wire. */
export type MalformedKind = 'invalid_json' | 'random_bytes' | 'wrong_schema' | 'oversize';

export const MALFORMED_KINDS: readonly MalformedKind[] = ['invalid_json', 'random_bytes', 'wrong_schema', 'oversize'];

/** Larger than the hub's default 256 KiB payload limit. */
const OVERSIZE_BYTES = 300 * 1024;

export function malformedPayload(kind: MalformedKind, random: () => number = Math.random): Buffer {
  switch (kind) {
    case 'invalid_json':
      return Buffer.from('{"state": "on", "brightness": 4');
    case 'random_bytes': {
      const bytes = Buffer.alloc(64);
      for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(random() * 256);
      return bytes;
    }
    case 'wrong_schema':
      // Valid JSON, but an array where every native topic expects an object or a fixed word.
      return Buffer.from(JSON.stringify([{ id: 42, status: 'maybe' }]));
    case 'oversize':
      return Buffer.alloc(OVERSIZE_BYTES, 0x7b);
  }
}
