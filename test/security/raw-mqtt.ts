/**
 * MQTT 3.1.1 packets written byte by byte (§2, §3), for what a well-behaved client library will not send:
 * ill-formed UTF-8, U+0000, an empty client id with a persistent session, wills on someone else's topic.
 */
import { connect, type Socket } from 'node:net';

function remainingLength(length: number): Buffer {
  const bytes: number[] = [];
  do {
    let byte = length % 128;
    length = Math.floor(length / 128);
    if (length > 0) byte |= 0x80;
    bytes.push(byte);
  } while (length > 0);
  return Buffer.from(bytes);
}

/** A length-prefixed field (§1.5.3); a Buffer goes on the wire as it is, so it may hold any bytes. */
function field(value: string | Buffer): Buffer {
  const bytes = typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
  const length = Buffer.alloc(2);
  length.writeUInt16BE(bytes.length);
  return Buffer.concat([length, bytes]);
}

function packet(firstByte: number, body: Buffer): Buffer {
  return Buffer.concat([Buffer.from([firstByte]), remainingLength(body.length), body]);
}

export interface ConnectOptions {
  clientId: string | Buffer;
  username?: string | Buffer;
  password?: string;
  clean?: boolean;
  keepalive?: number;
  will?: { topic: string | Buffer; payload: string; qos?: 0 | 1; retain?: boolean };
}

export function connectPacket(options: ConnectOptions): Buffer {
  let flags = options.clean === false ? 0 : 0x02;
  if (options.will) flags |= 0x04 | ((options.will.qos ?? 0) << 3) | (options.will.retain ? 0x20 : 0);
  if (options.username !== undefined) flags |= 0x80;
  if (options.password !== undefined) flags |= 0x40;
  const keepalive = Buffer.alloc(2);
  keepalive.writeUInt16BE(options.keepalive ?? 30);
  const parts = [field('MQTT'), Buffer.from([4, flags]), keepalive, field(options.clientId)];
  if (options.will) parts.push(field(options.will.topic), field(options.will.payload));
  if (options.username !== undefined) parts.push(field(options.username));
  if (options.password !== undefined) parts.push(field(options.password));
  return packet(0x10, Buffer.concat(parts));
}

/** QoS 0 PUBLISH; `topic` as a Buffer may hold ill-formed UTF-8 or NUL. */
export function publishPacket(topic: string | Buffer, payload: string, retain = false): Buffer {
  return packet(0x30 | (retain ? 1 : 0), Buffer.concat([field(topic), Buffer.from(payload)]));
}

export function subscribePacket(messageId: number, filters: (string | Buffer)[]): Buffer {
  const id = Buffer.alloc(2);
  id.writeUInt16BE(messageId);
  return packet(0x82, Buffer.concat([id, ...filters.map((f) => Buffer.concat([field(f), Buffer.from([1])]))]));
}

/** A socket to the broker that records what comes back and whether the broker closed it. */
export class RawMqttClient {
  private received = Buffer.alloc(0);
  private closedFlag = false;
  private readonly closedPromise: Promise<void>;

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => (this.received = Buffer.concat([this.received, chunk])));
    socket.on('error', () => undefined);
    this.closedPromise = new Promise((resolve) =>
      socket.once('close', () => {
        this.closedFlag = true;
        resolve();
      }),
    );
  }

  static open(url: string): Promise<RawMqttClient> {
    const { hostname, port } = new URL(url);
    return new Promise((resolve, reject) => {
      const socket = connect(Number(port), hostname, () => resolve(new RawMqttClient(socket)));
      socket.once('error', reject);
    });
  }

  send(bytes: Buffer): void {
    if (!this.closedFlag) this.socket.write(bytes);
  }

  get closed(): boolean {
    return this.closedFlag;
  }

  /** Resolves once the broker closed the connection; rejects after `ms`. */
  async closedWithin(ms: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      this.closedPromise,
      new Promise(
        (_, reject) => (timer = setTimeout(() => reject(new Error(`connection still open after ${ms} ms`)), ms)),
      ),
    ]);
    clearTimeout(timer);
  }

  /** The CONNACK return code (§3.2.2.3), once it arrived. */
  async connack(ms = 30_000): Promise<number> {
    const deadline = Date.now() + ms;
    while (Date.now() < deadline) {
      if (this.received.length >= 4 && this.received[0] === 0x20) return this.received[3]!;
      if (this.closedFlag && this.received.length < 4) throw new Error('closed without a CONNACK');
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`no CONNACK within ${ms} ms`);
  }

  /** The return codes of the SUBACK for `messageId` (§3.9.3). */
  async suback(messageId: number, ms = 30_000): Promise<number[]> {
    const deadline = Date.now() + ms;
    while (Date.now() < deadline) {
      for (const { type, body } of this.packets()) {
        if (type === 0x90 && body.readUInt16BE(0) === messageId) return [...body.subarray(2)];
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`no SUBACK ${messageId} within ${ms} ms`);
  }

  /** Every whole packet received so far: first byte and body (§2.2). */
  packets(): { type: number; body: Buffer }[] {
    const out: { type: number; body: Buffer }[] = [];
    let i = 0;
    while (i < this.received.length) {
      let length = 0;
      let multiplier = 1;
      let j = i + 1;
      for (; j < this.received.length; j++) {
        length += (this.received[j]! & 0x7f) * multiplier;
        multiplier *= 128;
        if ((this.received[j]! & 0x80) === 0) break;
      }
      const start = j + 1;
      if (start + length > this.received.length) break;
      out.push({ type: this.received[i]!, body: this.received.subarray(start, start + length) });
      i = start + length;
    }
    return out;
  }

  close(): void {
    this.socket.destroy();
  }
}
