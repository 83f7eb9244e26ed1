import { describe, expect, it } from 'vitest';
import { encodeEvent, FrameDecoder, FrameError, type FrameLimits } from './codec.js';

const limits: FrameLimits = { maxHeaderBytes: 1024, maxDataBytes: 4096, maxPayloadBytes: 65536 };
const line = (header: object) => Buffer.from(`${JSON.stringify(header)}\n`);

describe('FrameDecoder', () => {
  it('reads data inline, in the extra block, and both merged (block over header)', () => {
    const decoder = new FrameDecoder(limits);
    const block = Buffer.from(JSON.stringify({ text: 'from the block', language: 'en' }));
    const events = decoder.push(
      Buffer.concat([
        line({ type: 'transcript', data: { text: 'inline' } }),
        line({ type: 'transcript', data_length: block.length }),
        block,
        line({ type: 'transcript', data: { text: 'inline', context: { id: 1 } }, data_length: block.length }),
        block,
      ]),
    );
    expect(events.map((e) => e.data)).toEqual([
      { text: 'inline' },
      { text: 'from the block', language: 'en' },
      { text: 'from the block', language: 'en', context: { id: 1 } },
    ]);
  });

  it('gives back what encodeEvent wrote, however the bytes are split', () => {
    const payload = Buffer.from(Array.from({ length: 300 }, (_, i) => i % 256));
    const wire = Buffer.concat([
      encodeEvent({ type: 'audio-chunk', data: { rate: 16000, width: 2, channels: 1, timestamp: 0 }, payload }),
      encodeEvent({ type: 'describe', data: {} }),
      encodeEvent({ type: 'synthesize', data: { text: 'Dinner is ready — «à table»' } }),
    ]);
    for (const step of [1, 2, 7, 64, wire.length]) {
      const decoder = new FrameDecoder(limits);
      const events = [];
      for (let i = 0; i < wire.length; i += step) events.push(...decoder.push(wire.subarray(i, i + step)));
      expect(events.map((e) => e.type)).toEqual(['audio-chunk', 'describe', 'synthesize']);
      expect(events[0]!.payload).toEqual(payload);
      expect(events[0]!.data).toEqual({ rate: 16000, width: 2, channels: 1, timestamp: 0 });
      expect(events[2]!.data.text).toBe('Dinner is ready — «à table»');
      expect(decoder.inFrame).toBe(false);
    }
  });

  it('says a frame is open until its payload is complete', () => {
    const decoder = new FrameDecoder(limits);
    expect(decoder.push(line({ type: 'audio-chunk', payload_length: 4 }))).toEqual([]);
    expect(decoder.inFrame).toBe(true);
    expect(decoder.push(Buffer.from([1, 2, 3]))).toEqual([]);
    expect(decoder.push(Buffer.from([4]))[0]!.payload).toEqual(Buffer.from([1, 2, 3, 4]));
    expect(decoder.inFrame).toBe(false);
  });

  it.each([
    ['bad JSON', Buffer.from('{"type": "describe"\n'), /header line is not valid JSON/],
    ['a JSON array', line([1, 2]), /must be a JSON object/],
    ['no type', line({ data: {} }), /"type" must be a string/],
    ['data that is not an object', line({ type: 'x', data: [1] }), /"data" must be a JSON object/],
    [
      'a huge data_length',
      line({ type: 'x', data_length: 10_000_000 }),
      /data_length 10000000 is over the limit of 4096 bytes/,
    ],
    [
      'a huge payload_length',
      line({ type: 'audio-chunk', payload_length: 2 ** 40 }),
      /payload_length 1099511627776 is over the limit/,
    ],
    ['a negative length', line({ type: 'x', payload_length: -1 }), /payload_length must be a whole number/],
    ['a fractional length', line({ type: 'x', data_length: 1.5 }), /data_length must be a whole number/],
    [
      'a data block that is not JSON',
      Buffer.concat([line({ type: 'x', data_length: 3 }), Buffer.from('abc')]),
      /data block is not valid JSON/,
    ],
    ['a header line with no end', Buffer.alloc(2000, 0x61), /header line is over the limit of 1024 bytes/],
  ])('refuses %s with a FrameError saying what is wrong', (_what, bytes, message) => {
    const decoder = new FrameDecoder(limits);
    expect(() => decoder.push(bytes)).toThrow(FrameError);
    expect(() => new FrameDecoder(limits).push(bytes)).toThrow(message);
    expect(() => decoder.push(line({ type: 'describe' }))).toThrow(/already failed/);
  });

  it('refuses an over-long header even when it arrives a byte at a time', () => {
    const decoder = new FrameDecoder(limits);
    expect(() => {
      for (let i = 0; i < 1100; i++) decoder.push(Buffer.from('a'));
    }).toThrow(/over the limit of 1024/);
  });
});

describe('encodeEvent', () => {
  it('writes the type and version in the header, data in the extra block, the payload last', () => {
    const wire = encodeEvent({ type: 'transcript', data: { text: 'hi' }, payload: Buffer.from([9]) });
    const newline = wire.indexOf(0x0a);
    const header = JSON.parse(wire.subarray(0, newline).toString());
    expect(header).toEqual({ type: 'transcript', version: '1.9.0', data_length: 13, payload_length: 1 });
    expect(wire.subarray(newline + 1, newline + 14).toString()).toBe('{"text":"hi"}');
    expect(wire.at(-1)).toBe(9);
  });

  it('leaves out empty data and payload', () => {
    expect(encodeEvent({ type: 'describe', data: {} }).toString()).toBe('{"type":"describe","version":"1.9.0"}\n');
  });
});
