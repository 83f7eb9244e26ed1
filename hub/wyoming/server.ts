/**
 * Hearth as a Wyoming server (config `wyoming.server`): Home Assistant adds it as a Wyoming
 * service and gets Hearth's recogniser (stt), intent recognition and handling (conversation)
 * and espeak-ng (tts). Each connection is a ServerSession; a misbehaving peer loses only its own.
 */
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import type { Clock } from '../core/clock.js';
import type { Logger } from '../core/logger.js';
import type { ComponentStatus } from '../api/types.js';
import type { WyomingConfig } from './config.js';
import { WyomingConnection } from './connection.js';
import type { HearthVoicePort } from './hearth-port.js';
import { ServerSession } from './server-session.js';

export interface WyomingServerOptions {
  config: WyomingConfig['server'];
  limits: WyomingConfig['limits'];
  hearth: HearthVoicePort;
  clock: Clock;
  log: Logger;
}

/** An IPv4 peer may show up as `::ffff:a.b.c.d` on a dual-stack socket. */
function plainAddress(address: string | undefined): string {
  return (address ?? '').replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
}

export class WyomingServer {
  private server: Server | undefined;
  private readonly connections = new Set<WyomingConnection>();
  private readonly log: Logger;
  private served = 0;
  private refused = 0;
  private boundPort: number | undefined;

  constructor(private readonly options: WyomingServerOptions) {
    this.log = options.log.child({ module: 'wyoming-server' });
  }

  /** The port it listens on (the real one when the config says 0). */
  get port(): number {
    if (this.boundPort === undefined) throw new Error('WyomingServer.start() first');
    return this.boundPort;
  }

  async start(): Promise<void> {
    const { host, port, maxConnections } = this.options.config;
    const server = createServer((socket) => this.accept(socket));
    server.maxConnections = maxConnections;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen({ host, port }, () => {
        server.off('error', reject);
        resolve();
      });
    }).catch((err: NodeJS.ErrnoException) => {
      throw new Error(
        `the Wyoming server cannot listen on ${host}:${port} (${err.code ?? err.message}); pick another wyoming.server.port or stop what uses it`,
      );
    });
    server.on('error', (err) => this.log.error({ err }, 'wyoming server error'));
    this.server = server;
    this.boundPort = (server.address() as AddressInfo).port;
    this.log.info({ host, port: this.boundPort }, 'Wyoming server listening');
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const conn of this.connections) conn.close('the hub is stopping');
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  status(): ComponentStatus {
    if (!this.server) return { status: 'stopped', detail: 'Wyoming server is not running' };
    const { host } = this.options.config;
    const allowed = this.options.config.allowedClients;
    return {
      status: 'ok',
      detail: `Wyoming server on tcp://${host}:${this.boundPort} (${allowed.length > 0 ? `clients ${allowed.join(', ')}` : 'any client'}); ${this.connections.size} connected, ${this.served} requests served, ${this.refused} connections refused`,
    };
  }

  private accept(socket: Socket): void {
    const address = plainAddress(socket.remoteAddress);
    const allowed = this.options.config.allowedClients;
    if (allowed.length > 0 && !allowed.includes(address)) {
      this.refused++;
      this.log.warn(
        { peer: address },
        'wyoming: connection from an address not in wyoming.server.allowedClients refused',
      );
      socket.destroy();
      return;
    }
    const { limits } = this.options;
    const conn = new WyomingConnection(socket, { limits, clock: this.options.clock, log: this.log });
    this.connections.add(conn);
    conn.onClose((reason) => {
      this.connections.delete(conn);
      this.log.debug({ peer: conn.remote, reason }, 'wyoming connection closed');
    });
    const session = new ServerSession(conn, {
      hearth: this.options.hearth,
      log: this.log,
      maxStreamMs: limits.maxStreamMs,
      handle: this.options.config.handle,
      onServed: () => void this.served++,
    });
    session.run().catch((err) => {
      this.log.error({ err, peer: conn.remote }, 'wyoming session failed');
      conn.close('internal error');
    });
  }
}
