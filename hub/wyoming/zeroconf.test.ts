/**
 * The announcement on the real network interface, checked by asking for `_wyoming._tcp.local.` the way
 * any mDNS browser does (a one-shot query from an ordinary port gets a unicast answer, RFC 6762 §6.7),
 * with a DNS packet written and read here, independent of the library that answers.
 */
import { createSocket } from 'node:dgram';
import { networkInterfaces } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../core/logger.js';
import { wyomingConfigSchema } from './config.js';
import { WyomingAnnouncement } from './zeroconf.js';

const PTR = 12;
const SRV = 33;

function encodeName(name: string): Buffer {
  return Buffer.concat([
    ...name
      .split('.')
      .filter(Boolean)
      .map((label) => Buffer.concat([Buffer.from([label.length]), Buffer.from(label)])),
    Buffer.from([0]),
  ]);
}

function query(name: string): Buffer {
  const header = Buffer.alloc(12);
  header.writeUInt16BE(1, 4); // one question
  const tail = Buffer.alloc(4);
  tail.writeUInt16BE(PTR, 0);
  tail.writeUInt16BE(1, 2); // class IN
  return Buffer.concat([header, encodeName(name), tail]);
}

/** Reads a possibly compressed name at `offset`; returns it and the offset after it. */
function readName(packet: Buffer, offset: number): [string, number] {
  const labels: string[] = [];
  let at = offset;
  let end: number | undefined;
  for (let hops = 0; hops < 20; hops++) {
    const length = packet[at]!;
    if (length === 0) return [labels.join('.'), end ?? at + 1];
    if ((length & 0xc0) === 0xc0) {
      end ??= at + 2;
      at = packet.readUInt16BE(at) & 0x3fff;
      continue;
    }
    labels.push(packet.toString('utf8', at + 1, at + 1 + length));
    at += 1 + length;
  }
  throw new Error('name loops');
}

interface Record_ {
  name: string;
  type: number;
  data: Buffer;
  offset: number;
}
function records(packet: Buffer): Record_[] {
  const count = (i: number) => packet.readUInt16BE(4 + i * 2);
  let offset = 12;
  for (let q = 0; q < count(0); q++) offset = readName(packet, offset)[1] + 4;
  const out: Record_[] = [];
  const total = count(1) + count(2) + count(3);
  for (let r = 0; r < total; r++) {
    const [name, next] = readName(packet, offset);
    const type = packet.readUInt16BE(next);
    const length = packet.readUInt16BE(next + 8);
    out.push({ name, type, data: packet.subarray(next + 10, next + 10 + length), offset: next + 10 });
    offset = next + 10 + length;
  }
  return out;
}

function lanAddress(): string {
  const found = Object.values(networkInterfaces())
    .flat()
    .find((i) => i && i.family === 'IPv4' && !i.internal);
  if (!found) throw new Error('this machine has no non-loopback IPv4 interface to announce on');
  return found.address;
}

/** Asks every 300 ms until an answer names `instance`, or gives up after `timeoutMs`. */
async function browse(instance: string, timeoutMs: number): Promise<{ packet: Buffer; found: Record_[] }> {
  const socket = createSocket({ type: 'udp4' });
  await new Promise<void>((resolve) => socket.bind(0, lanAddress(), resolve));
  socket.setMulticastInterface(lanAddress());
  try {
    return await new Promise((resolve, reject) => {
      const ask = () => socket.send(query('_wyoming._tcp.local'), 5353, '224.0.0.251');
      const every = setInterval(ask, 300);
      const timer = setTimeout(() => {
        clearInterval(every);
        reject(new Error(`no mDNS answer for _wyoming._tcp.local within ${timeoutMs} ms`));
      }, timeoutMs);
      socket.on('message', (packet) => {
        const found = records(packet);
        const ours = found.some(
          (r) =>
            r.type === PTR &&
            r.name === '_wyoming._tcp.local' &&
            readName(packet, r.offset)[0] === `${instance}._wyoming._tcp.local`,
        );
        if (!ours) return; // another hub's tests may be announcing too
        clearInterval(every);
        clearTimeout(timer);
        resolve({ packet, found });
      });
      ask();
    });
  } finally {
    socket.close();
  }
}

let announcement: WyomingAnnouncement | undefined;
afterEach(async () => announcement?.stop());

describe('WyomingAnnouncement', () => {
  it('answers a query for _wyoming._tcp.local. with its instance and port', async () => {
    const instance = `hearth-test-${process.pid}`;
    announcement = new WyomingAnnouncement({ name: instance, port: 10666, host: '0.0.0.0', log: silentLogger });
    await announcement.start();
    const { found } = await browse(instance, 10_000);
    const srv = found.find((r) => r.type === SRV);
    expect(srv?.name).toBe(`${instance}._wyoming._tcp.local`);
    expect(srv!.data.readUInt16BE(4)).toBe(10666);
    expect(announcement.status()).toMatchObject({
      status: 'ok',
      detail: `announced as "${instance}._wyoming._tcp.local." on port 10666`,
    });
  });

  it('is refused in the config when it would announce a server other machines cannot reach', () => {
    const parsed = wyomingConfigSchema.safeParse({
      server: { enabled: true, host: '127.0.0.1' },
      zeroconf: { enabled: true },
    });
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error?.issues)).toMatch(/which other machines cannot reach/);
    expect(wyomingConfigSchema.safeParse({ zeroconf: { enabled: true } }).error?.issues[0]?.message).toMatch(
      /turn on wyoming.server.enabled/,
    );
  });
});
