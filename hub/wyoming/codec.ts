/**
 * Wyoming framing. One event on the wire is
 *   a UTF-8 JSON header line `{"type", "data"?, "data_length"?, "payload_length"?}` + `\n`,
 *   then `data_length` bytes of JSON merged over the header's `data`,
 *   then `payload_length` bytes of payload (PCM audio for `audio-chunk`).
 * Peers may put `data` in the header, in the extra block, or both; the decoder reads all three.
 * Every length is checked against explicit limits before a byte of it is buffered.
 */

export interface WyomingEvent {
  type: string;
  data: Record<string, unknown>;
  payload?: Buffer;
}

export interface FrameLimits {
  /** The JSON header line, newline included. */
  maxHeaderBytes: number;
  /** The extra data block (`data_length`). */
  maxDataBytes: number;
  /** The binary payload (`payload_length`). */
  maxPayloadBytes: number;
}

/** The protocol version Hearth writes in its headers (the events it speaks are those of 1.9). */
export const WYOMING_PROTOCOL_VERSION = '1.9.0';

const MAX_TYPE_LENGTH = 64;
const NEWLINE = 0x0a;

/** The peer broke the framing; the connection cannot be trusted to resynchronise, so it is closed. */
export class FrameError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FrameError';
  }
}

/** Writes the data in the extra block, as the reference implementation does, so every reader gets it. */
export function encodeEvent(event: WyomingEvent): Buffer {
  const header: Record<string, unknown> = { type: event.type, version: WYOMING_PROTOCOL_VERSION };
  const hasData = Object.keys(event.data).length > 0;
  const data = hasData ? Buffer.from(JSON.stringify(event.data), 'utf8') : undefined;
  if (data) header.data_length = data.length;
  if (event.payload && event.payload.length > 0) header.payload_length = event.payload.length;
  const line = Buffer.from(`${JSON.stringify(header)}\n`, 'utf8');
  return Buffer.concat([
    line,
    ...(data ? [data] : []),
    ...(event.payload && event.payload.length > 0 ? [event.payload] : []),
  ]);
}

export function makeEvent(type: string, data: Record<string, unknown> = {}, payload?: Buffer): WyomingEvent {
  return payload ? { type, data, payload } : { type, data };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseJson(bytes: Buffer, what: string): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch (err) {
    throw new FrameError(`${what} is not valid JSON (${(err as Error).message})`);
  }
}

function lengthField(header: Record<string, unknown>, key: 'data_length' | 'payload_length', limit: number): number {
  const value = header[key];
  if (value === undefined || value === null) return 0;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0)
    throw new FrameError(`${key} must be a whole number of bytes, got ${JSON.stringify(value)}`);
  if (value > limit) throw new FrameError(`${key} ${value} is over the limit of ${limit} bytes`);
  return value;
}

interface PendingFrame {
  type: string;
  data: Record<string, unknown>;
  dataLength: number;
  payloadLength: number;
  dataBlock?: Buffer;
  payload?: Buffer;
  filled: number;
}

/**
 * Incremental decoder: `push` bytes as they arrive, get whole events back. After a FrameError the
 * decoder is spent (the caller closes the connection). `inFrame` says a frame has started but not
 * finished, which the connection uses against peers that trickle bytes (slowloris).
 */
export class FrameDecoder {
  private headerParts: Buffer[] = [];
  private headerBytes = 0;
  private frame: PendingFrame | undefined;
  private failed = false;

  constructor(private readonly limits: FrameLimits) {}

  get inFrame(): boolean {
    return this.headerBytes > 0 || this.frame !== undefined;
  }

  push(chunk: Buffer): WyomingEvent[] {
    if (this.failed) throw new FrameError('the decoder already failed on this connection');
    const events: WyomingEvent[] = [];
    try {
      let offset = 0;
      while (offset < chunk.length) {
        if (this.frame) offset = this.fillFrame(chunk, offset, events);
        else offset = this.readHeader(chunk, offset, events);
      }
    } catch (err) {
      this.failed = true;
      throw err;
    }
    return events;
  }

  private readHeader(chunk: Buffer, offset: number, events: WyomingEvent[]): number {
    const newline = chunk.indexOf(NEWLINE, offset);
    const end = newline === -1 ? chunk.length : newline;
    const size = this.headerBytes + (end - offset) + (newline === -1 ? 0 : 1);
    if (size > this.limits.maxHeaderBytes)
      throw new FrameError(`header line is over the limit of ${this.limits.maxHeaderBytes} bytes`);
    if (newline === -1) {
      this.headerParts.push(chunk.subarray(offset));
      this.headerBytes = size;
      return chunk.length;
    }
    this.headerParts.push(chunk.subarray(offset, newline));
    const line = Buffer.concat(this.headerParts);
    this.headerParts = [];
    this.headerBytes = 0;
    this.startFrame(line, events);
    return newline + 1;
  }

  private startFrame(line: Buffer, events: WyomingEvent[]): void {
    const header = parseJson(line, 'header line');
    if (!isPlainObject(header)) throw new FrameError('header line must be a JSON object');
    const { type } = header;
    if (typeof type !== 'string' || type.length === 0 || type.length > MAX_TYPE_LENGTH)
      throw new FrameError(`"type" must be a string of 1-${MAX_TYPE_LENGTH} characters`);
    const data = header.data ?? {};
    if (!isPlainObject(data)) throw new FrameError('"data" must be a JSON object');
    const frame: PendingFrame = {
      type,
      data,
      dataLength: lengthField(header, 'data_length', this.limits.maxDataBytes),
      payloadLength: lengthField(header, 'payload_length', this.limits.maxPayloadBytes),
      filled: 0,
    };
    if (frame.dataLength > 0) frame.dataBlock = Buffer.allocUnsafe(frame.dataLength);
    if (frame.payloadLength > 0) frame.payload = Buffer.allocUnsafe(frame.payloadLength);
    this.frame = frame;
    this.finishIfComplete(events);
  }

  /** Copies into the preallocated data block, then the payload; a frame never holds more than its declared lengths. */
  private fillFrame(chunk: Buffer, offset: number, events: WyomingEvent[]): number {
    const frame = this.frame!;
    const total = frame.dataLength + frame.payloadLength;
    const take = Math.min(total - frame.filled, chunk.length - offset);
    let copied = 0;
    while (copied < take) {
      const at = frame.filled;
      const inData = at < frame.dataLength;
      const target = inData ? frame.dataBlock! : frame.payload!;
      const targetStart = inData ? at : at - frame.dataLength;
      const room = target.length - targetStart;
      const n = Math.min(room, take - copied);
      chunk.copy(target, targetStart, offset + copied, offset + copied + n);
      copied += n;
      frame.filled += n;
    }
    this.finishIfComplete(events);
    return offset + take;
  }

  private finishIfComplete(events: WyomingEvent[]): void {
    const frame = this.frame!;
    if (frame.filled < frame.dataLength + frame.payloadLength) return;
    this.frame = undefined;
    let data = frame.data;
    if (frame.dataBlock) {
      const extra = parseJson(frame.dataBlock, 'data block');
      if (!isPlainObject(extra)) throw new FrameError('data block must be a JSON object');
      data = { ...data, ...extra };
    }
    events.push(frame.payload ? { type: frame.type, data, payload: frame.payload } : { type: frame.type, data });
  }
}
