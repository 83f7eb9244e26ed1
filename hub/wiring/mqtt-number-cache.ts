/**
 * mqtt-packet (under aedes) fills a cache of 65,536 two-byte Buffers, one per 16-bit number, on the first packet
 * it writes: ~6.5 MB of V8 heap for the life of the hub (bench/hub-memory.ts, 17-device household at rest: text
 * hub 98 → 90 MB). Allocating the two bytes per write instead cost nothing measurable (publish + PUBACK encoding,
 * interleaved runs: 4.5 µs per pair either way); mqtt.js clients turn the cache off by default too.
 */
import { createRequire } from 'node:module';

/** Makes the MQTT packet writer allocate its two-byte numbers instead of caching all 65,536 of them. */
export function skipMqttNumberCache(): void {
  // The copy of mqtt-packet that aedes itself resolves (it is aedes' dependency, not ours).
  const fromAedes = createRequire(createRequire(import.meta.url).resolve('aedes'));
  const mqttPacket = fromAedes('mqtt-packet') as { writeToStream: { cacheNumbers: boolean } };
  mqttPacket.writeToStream.cacheNumbers = false;
}
