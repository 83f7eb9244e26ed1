/**
 * A flood of CONNECTs with wrong passwords, from many loopback source addresses (Linux routes all of 127/8 to
 * the loopback interface), as an attacker on the LAN would send them: each connection sends one CONNECT, waits for
 * the CONNACK or the close, and the next one starts.
 */
import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import mqtt from 'mqtt';
import { connectPacket } from './raw-mqtt.js';

export interface FloodTarget {
  host: string;
  port: number;
  /** Usernames to guess for; each attempt picks the next one in turn. */
  usernames: string[];
}

export interface FloodReport {
  attempts: number;
  /** CONNACK return code → count; -1 is a close without CONNACK, -2 no answer within 5 s, -3 hung up at once. */
  codes: Record<number, number>;
  addresses: number;
}

function attempt(
  target: FloodTarget,
  localAddress: string,
  username: string,
  n: number,
  hangUp: boolean,
): Promise<number> {
  return new Promise((resolve) => {
    const socket = connect({ host: target.host, port: target.port, localAddress });
    let received = Buffer.alloc(0);
    const finish = (code: number) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(code);
    };
    const timer = setTimeout(() => finish(-2), 5000);
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      if (received.length >= 4 && received[0] === 0x20) finish(received[3]!);
    });
    socket.on('error', () => finish(-1));
    socket.on('close', () => finish(-1));
    socket.on('connect', () => {
      const packet = connectPacket({ clientId: username, username, password: `guess-${n}` });
      // Hanging up right after the CONNECT leaves the broker with a check nobody waits for any more.
      if (hangUp) socket.write(packet, () => finish(-3));
      else socket.write(packet);
    });
  });
}

/**
 * Runs `parallel` attackers for `durationMs`, spreading them over `addresses` source addresses 127.0.0.11…; with
 * `hangUp` each sends its CONNECT and closes at once instead of waiting for the answer.
 */
export interface FloodOptions {
  /** The flood stops after this long, or once `attempts` CONNECTs were sent if that comes first. */
  durationMs: number;
  attempts?: number;
  parallel: number;
  addresses: number;
  hangUp?: boolean;
}

export async function floodConnects(target: FloodTarget, options: FloodOptions): Promise<FloodReport> {
  const report: FloodReport = { attempts: 0, codes: {}, addresses: options.addresses };
  const until = Date.now() + options.durationMs;
  let n = 0;
  const attacker = async (index: number) => {
    while (Date.now() < until && (options.attempts === undefined || n < options.attempts)) {
      const i = n++;
      const k = 10 + ((i + index) % options.addresses); // never 127.0.0.1, where the real device connects from
      const address = `127.0.${Math.floor(k / 250)}.${(k % 250) + 1}`;
      const code = await attempt(
        target,
        address,
        target.usernames[i % target.usernames.length]!,
        i,
        options.hangUp ?? false,
      );
      report.attempts++;
      report.codes[code] = (report.codes[code] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: options.parallel }, (_, i) => attacker(i)));
  return report;
}

/**
 * The same flood from a child process, so the process measuring a real device beside it is not the one busy
 * opening hundreds of sockets a second (its own event loop would be what is measured). `flooding` resolves once
 * the child has started (loading it costs CPU too, which is not the flood's).
 */
export function floodFromChild(
  target: FloodTarget,
  options: FloodOptions,
): { flooding: Promise<void>; report: Promise<FloodReport> } {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', import.meta.filename, JSON.stringify({ target, options })],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let out = '';
  let markStarted: () => void = () => undefined;
  const flooding = new Promise<void>((resolve) => (markStarted = resolve));
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
    if (out.includes(STARTED)) markStarted();
  });
  const report = new Promise<FloodReport>((resolve, reject) => {
    child.once('exit', (code) => {
      markStarted();
      if (code !== 0) return reject(new Error(`the flood process exited with ${code}: ${out}`));
      resolve(JSON.parse(out.slice(out.indexOf(STARTED) + STARTED.length)) as FloodReport);
    });
  });
  return { flooding, report };
}

const STARTED = 'flooding\n';

if (process.argv[1] === import.meta.filename) {
  const { target, options } = JSON.parse(process.argv[2]!) as { target: FloodTarget; options: FloodOptions };
  process.stdout.write(STARTED);
  process.stdout.write(JSON.stringify(await floodConnects(target, options)));
}

/**
 * What the flood must not spoil: the milliseconds a real device (mqtt.js, from 127.0.0.1, its right password) takes
 * to connect. It then disconnects and pauses 100 ms, so the measuring itself is no flood.
 */
export async function timeDeviceConnect(
  mqttUrl: string,
  device: { id: string; password: string },
  connectTimeoutMs: number,
): Promise<number> {
  const started = performance.now();
  const client = await mqtt.connectAsync(mqttUrl, {
    clientId: device.id,
    username: device.id,
    password: device.password,
    reconnectPeriod: 0,
    connectTimeout: connectTimeoutMs,
  });
  const ms = performance.now() - started;
  await client.endAsync();
  await new Promise((r) => setTimeout(r, 100));
  return ms;
}
