import { createRequire } from 'node:module';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { skipMqttNumberCache } from './mqtt-number-cache.js';

const fromAedes = createRequire(createRequire(import.meta.url).resolve('aedes'));
const mqttPacket = fromAedes('mqtt-packet') as {
  writeToStream: ((packet: object, stream: NodeJS.WritableStream) => boolean) & { cacheNumbers: boolean };
};
const numberCache = fromAedes('mqtt-packet/numbers.js') as { cache: Record<number, Buffer> };

describe('skipMqttNumberCache', () => {
  it('turns off the number cache of the mqtt-packet aedes uses, and packets are still written right', async () => {
    skipMqttNumberCache();
    expect(mqttPacket.writeToStream.cacheNumbers).toBe(false);

    const stream = new PassThrough();
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    mqttPacket.writeToStream({ cmd: 'puback', messageId: 0x1234 }, stream);
    await new Promise((r) => setImmediate(r));
    expect(Buffer.concat(chunks)).toEqual(Buffer.from([0x40, 0x02, 0x12, 0x34]));
    expect(Object.keys(numberCache.cache)).toHaveLength(0);
  });
});
