import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { Aedes, type AuthenticateError, type Client, type PublishPacket, type Subscription } from 'aedes';
import type { EventBus } from '../core/event-bus.js';
import type { HubEvents } from '../core/events.js';
import type { Logger } from '../core/logger.js';
import { HubError } from '../sdk/errors.js';
import { clientIdAllowed, deviceIdentity, mayPublish, maySubscribe, type ClientIdentity } from './access-control.js';
import { maxPacketBytes, parseBrokerConfig, type EmbeddedBrokerConfig, type ResolvedBrokerConfig } from './broker-config.js';
import type { CredentialService } from './contracts.js';
import { EmbeddedTransport } from './embedded-transport.js';
import { limitPacketSize } from './packet-size-guard.js';
import { SqlitePersistence } from './persistence/sqlite-persistence.js';
import type { MqttTransport } from './transport.js';

export interface EmbeddedBrokerDeps {
  config: EmbeddedBrokerConfig;
  /** Retained messages and persistent sessions go to `<dataDir>/mqtt-broker.db`. */
  dataDir: string;
  credentials: CredentialService & { verifyAsync?(username: string, password: string): Promise<boolean> };
  bus: EventBus<HubEvents>;
  log: Logger;
}

/** CONNACK return codes, MQTT 3.1.1 §3.2.2.3. */
const RETURN_CODE = { IDENTIFIER_REJECTED: 2, BAD_USERNAME_OR_PASSWORD: 4, NOT_AUTHORIZED: 5 } as const;

/** Errors we raise ourselves; aedes reports them again as clientError, which must not log a second line. */
class Rejection extends Error {}

const QUIET_SOCKET_ERRORS = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT']);

/**
 * The hub's MQTT broker: aedes on a TCP port, device credentials, per-device ACL, a payload size limit,
 * and retained messages / persistent sessions kept in SQLite across restarts (retained ones written behind,
 * at most `retainedFlushMs` after they arrived; a clean stop writes them all).
 */
export class EmbeddedBroker {
  private readonly log: Logger;
  private config: ResolvedBrokerConfig | undefined;
  private aedes: Aedes | undefined;
  private persistence: SqlitePersistence | undefined;
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  private readonly identities = new WeakMap<Client, ClientIdentity>();
  private boundPort: number | undefined;

  constructor(private readonly deps: EmbeddedBrokerDeps) {
    this.log = deps.log.child({ module: 'mqtt-broker' });
  }

  /** The port actually bound (useful with port 0). Throws before start(). */
  get port(): number {
    if (this.boundPort === undefined) throw new HubError('INTERNAL', 'The MQTT broker has no port yet: call start() first.');
    return this.boundPort;
  }

  get url(): string {
    const host = this.config?.host === '0.0.0.0' ? '127.0.0.1' : (this.config?.host ?? '127.0.0.1');
    return `mqtt://${host.includes(':') ? `[${host}]` : host}:${this.port}`;
  }

  async start(): Promise<void> {
    if (this.aedes) return;
    const config = parseBrokerConfig(this.deps.config);
    this.config = config;
    const persistence = new SqlitePersistence(join(this.deps.dataDir, 'mqtt-broker.db'), {
      retainedFlushMs: config.retainedFlushMs,
      onRetainedError: (err, pending) => this.log.error({ err, pending }, 'cannot write retained messages (disk full or database locked?); kept in memory, retrying'),
    });
    const aedes = new Aedes({
      persistence,
      connectTimeout: config.connectTimeoutMs,
      maxClientsIdLength: 128,
      authenticate: (client, username, password, done) => void this.authenticate(client, username, password, done),
      authorizePublish: (client, packet, done) => this.authorizePublish(client, packet, done),
      authorizeSubscribe: (client, sub, done) => done(null, this.authorizeSubscribe(client, sub)),
    });
    aedes.on('clientError', (client, err) => this.onClientError(client, err));
    aedes.on('connectionError', (client, err) => this.onClientError(client, err));
    await aedes.listen();
    this.persistence = persistence;
    this.aedes = aedes;

    const server = createServer((socket) => this.accept(socket, config));
    server.maxConnections = config.maxConnections;
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => {
        server.off('error', reject);
        resolve();
      });
    }).catch(async (err: NodeJS.ErrnoException) => {
      await this.stop();
      throw new HubError('CONFIG_INVALID', `The MQTT broker cannot listen on ${config.host}:${config.port} (${err.code ?? err.message}). Choose a free port with mqtt.port or --mqtt-port.`);
    });
    server.on('error', (err) => this.log.error({ err }, 'MQTT listener error'));
    this.boundPort = (server.address() as AddressInfo).port;
    this.log.info({ host: config.host, port: this.boundPort, allowAnonymous: config.allowAnonymous }, 'MQTT broker listening');
  }

  async stop(): Promise<void> {
    const { server, aedes, persistence } = this;
    this.server = undefined;
    this.aedes = undefined;
    this.persistence = undefined;
    this.boundPort = undefined;
    const closed = server ? new Promise<void>((resolve) => server.close(() => resolve())) : Promise.resolve();
    if (aedes) await new Promise<void>((resolve) => aedes.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    await closed;
    await persistence?.destroy();
  }

  /** The hub's own in-process client on this broker (bypasses the ACL). */
  transport(): MqttTransport {
    return new EmbeddedTransport(
      {
        aedesInstance: () => {
          if (!this.aedes) throw new HubError('INTERNAL', 'The embedded MQTT broker is not running: start it before its transport.');
          return this.aedes;
        },
        retainedMessages: (filter) => {
          if (!this.persistence) throw new HubError('INTERNAL', 'The embedded MQTT broker is not running.');
          return this.persistence.createRetainedStreamCombi([filter]);
        },
      },
      this.deps.log.child({ module: 'mqtt-embedded' }),
    );
  }

  /** Closes every connection of a device, e.g. after its credential was revoked or replaced. */
  disconnectDevice(deviceId: string): number {
    let count = 0;
    const clients = (this.aedes as unknown as { clients?: Record<string, Client> } | undefined)?.clients ?? {};
    for (const client of Object.values(clients)) {
      const identity = this.identities.get(client);
      if (identity?.kind === 'device' && identity.deviceId === deviceId) {
        client.close();
        count++;
      }
    }
    return count;
  }

  private accept(socket: Socket, config: ResolvedBrokerConfig): void {
    if (!this.aedes) return void socket.destroy();
    this.sockets.add(socket);
    // MQTT packets are small and latency-bound: Nagle + delayed ACK held a command round trip at ~86 ms.
    socket.setNoDelay(true);
    socket.once('close', () => this.sockets.delete(socket));
    const client = this.aedes.handle(socket);
    limitPacketSize(client, maxPacketBytes(config.maxPayloadBytes), (announced) => {
      this.reject(`packet of ${announced} bytes exceeds the limit`, { clientId: client.id });
      socket.destroy();
    });
  }

  private async authenticate(
    client: Client,
    username: string | undefined,
    password: Buffer | undefined,
    done: (error: AuthenticateError | null, success: boolean | null) => void,
  ): Promise<void> {
    const refuse = (returnCode: number, reason: string) => {
      this.reject(reason, { clientId: client.id });
      const err = Object.assign(new Rejection(reason), { returnCode }) as AuthenticateError;
      done(err, null);
    };
    try {
      if (username === undefined || username === '') {
        if (!this.config?.allowAnonymous) return refuse(RETURN_CODE.NOT_AUTHORIZED, 'anonymous connection refused (no username)');
        this.identities.set(client, { kind: 'anonymous' });
        return done(null, true);
      }
      const secret = password?.toString('utf8') ?? '';
      const { credentials } = this.deps;
      const ok = credentials.verifyAsync ? await credentials.verifyAsync(username, secret) : credentials.verify(username, secret);
      const credential = ok ? credentials.get(username) : undefined;
      if (!credential) return refuse(RETURN_CODE.BAD_USERNAME_OR_PASSWORD, `bad username or password for "${username}"`);
      if (!clientIdAllowed(username, client.id)) {
        return refuse(RETURN_CODE.IDENTIFIER_REJECTED, `client id "${client.id}" must be "${username}" or "${username}:<suffix>"`);
      }
      this.identities.set(client, deviceIdentity(credential));
      done(null, true);
    } catch (err) {
      this.log.error({ err, clientId: client.id }, 'MQTT authentication failed unexpectedly');
      refuse(RETURN_CODE.NOT_AUTHORIZED, 'authentication error');
    }
  }

  /** Returning an error makes aedes close the connection: MQTT 3.1.1 has no negative PUBACK (§3.3.5). */
  private authorizePublish(client: Client | null, packet: PublishPacket, done: (error: Error | null) => void): void {
    // A null client is a will left by a broker that died; it was authorized when it was stored.
    if (!client) return done(null);
    const size = packet.payload?.length ?? 0;
    const max = this.config?.maxPayloadBytes ?? 0;
    if (size > max) return done(this.refusePublish(client, packet, `payload of ${size} bytes exceeds mqtt.maxPayloadBytes (${max})`));
    const identity = this.identities.get(client);
    if (!identity || !mayPublish(identity, packet.topic)) return done(this.refusePublish(client, packet, 'publish outside the client\'s topics'));
    done(null);
  }

  private refusePublish(client: Client, packet: PublishPacket, reason: string): Rejection {
    this.reject(reason, { clientId: client.id, topic: packet.topic });
    return new Rejection(reason);
  }

  /** Returning null grants 0x80 (failure) for this one topic, MQTT 3.1.1 §3.9.3. */
  private authorizeSubscribe(client: Client, sub: Subscription): Subscription | null {
    const identity = this.identities.get(client);
    if (identity && maySubscribe(identity, sub.topic)) return sub;
    this.reject('subscribe outside the client\'s topics', { clientId: client.id, topic: sub.topic });
    return null;
  }

  private onClientError(client: Client, err: Error): void {
    if (err instanceof Rejection) return;
    const code = (err as NodeJS.ErrnoException).code;
    if (code && QUIET_SOCKET_ERRORS.has(code)) {
      this.log.debug({ clientId: client.id, code }, 'MQTT connection dropped');
      return;
    }
    this.reject(`protocol error: ${err.message}`, { clientId: client.id });
  }

  private reject(reason: string, where: { clientId?: string; topic?: string }): void {
    const details = { ...(where.clientId ? { clientId: where.clientId } : {}), ...(where.topic ? { topic: where.topic } : {}) };
    this.log.warn({ ...details, reason }, 'MQTT input rejected');
    this.deps.bus.emit('inputRejected', { source: 'mqtt', reason, ...details });
  }
}
