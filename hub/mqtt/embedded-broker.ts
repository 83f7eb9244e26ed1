import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { Aedes, type AuthenticateError, type Client, type ConnectPacket, type PublishPacket, type Subscription } from 'aedes';
import type { EventBus } from '../core/event-bus.js';
import type { HubEvents } from '../core/events.js';
import type { Logger } from '../core/logger.js';
import { HubError } from '../sdk/errors.js';
import { clientIdAllowed, deviceIdentity, mayPublish, maySubscribe, usernameOfClientId, willProblem, type ClientIdentity } from './access-control.js';
import { maxPacketBytes, parseBrokerConfig, type EmbeddedBrokerConfig, type ResolvedBrokerConfig } from './broker-config.js';
import type { CredentialService } from './contracts.js';
import { EmbeddedTransport } from './embedded-transport.js';
import { limitPacketSize } from './packet-size-guard.js';
import { requireWellFormedStrings } from './string-guard.js';
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
  /** What authenticate() needs from the CONNECT that aedes does not keep: the will and whether the id was empty. */
  private readonly connects = new WeakMap<Client, { emptyClientId: boolean; will: ConnectPacket['will'] }>();
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
      acceptWill: (will) => this.storedWillProblem(will) === undefined,
    });
    const aedes = new Aedes({
      persistence,
      connectTimeout: config.connectTimeoutMs,
      heartbeatInterval: Math.max(50, Math.floor(config.deadBrokerSweepMs / 4)),
      maxClientsIdLength: 128,
      preConnect: (client, packet, done) => {
        this.connects.set(client, { emptyClientId: packet.clientId === '', will: packet.will });
        done(null, true);
      },
      authenticate: (client, username, password, done) => void this.authenticate(client, username, password, done),
      authorizePublish: (client, packet, done) => this.authorizePublish(client, packet, done),
      authorizeSubscribe: (client, sub, done) => done(null, this.authorizeSubscribe(client, sub)),
    });
    aedes.on('clientError', (client, err) => this.onClientError(client, err));
    aedes.on('connectionError', (client, err) => this.onClientError(client, err));
    // aedes reports a failed will sweep here; without a listener the EventEmitter would throw it.
    (aedes as unknown as NodeJS.EventEmitter).on('error', (err: Error) => this.log.error({ err }, 'MQTT broker error'));
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
      const where = `${config.host}:${config.port}`;
      throw new HubError('CONFIG_INVALID', err.code === 'EADDRINUSE'
        ? `mqtt.port: ${where} is already in use (another hub or broker listens there); stop it, or pass --mqtt-port N (0 picks a free port)`
        : `mqtt.port: the MQTT broker cannot listen on ${where} (${err.code ?? err.message}); choose another with mqtt.port or --mqtt-port`);
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

  /**
   * Why device `ownerId` may not use one of `topics`, or undefined: what a discovery config it announced may name
   * (the hub would otherwise publish and listen there on its behalf). An arrow function: handed around unbound.
   */
  readonly announcedTopicsProblem = (ownerId: string, topics: string[]): string | undefined => {
    const identity = this.identityOf(ownerId);
    if (!identity) return `no device credential "${ownerId}" owns this discovery topic`;
    const outside = topics.find((topic) => !mayPublish(identity, topic));
    return outside === undefined ? undefined : `config names topic "${outside}", outside the topics of device "${ownerId}" that announced it`;
  };

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
    requireWellFormedStrings(client, (reason) => this.reject(reason, { clientId: client.id }));
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
      const connect = this.connects.get(client);
      this.connects.delete(client);
      // A server may assign an id to a client that sent none only for a clean session [MQTT-3.1.3-7, MQTT-3.1.3-8].
      if (connect?.emptyClientId && !client.clean) return refuse(RETURN_CODE.IDENTIFIER_REJECTED, 'a zero-length client id needs CleanSession=1 (MQTT-3.1.3-8)');
      const accept = (identity: ClientIdentity) => {
        const problem = connect?.will ? willProblem(identity, connect.will, this.config?.maxPayloadBytes ?? 0) : undefined;
        if (problem) return refuse(RETURN_CODE.NOT_AUTHORIZED, problem);
        this.identities.set(client, identity);
        done(null, true);
      };
      if (username === undefined || username === '') {
        if (!this.config?.allowAnonymous) return refuse(RETURN_CODE.NOT_AUTHORIZED, 'anonymous connection refused (no username)');
        return accept({ kind: 'anonymous' });
      }
      const secret = password?.toString('utf8') ?? '';
      const { credentials } = this.deps;
      const ok = credentials.verifyAsync ? await credentials.verifyAsync(username, secret) : credentials.verify(username, secret);
      const credential = ok ? credentials.get(username) : undefined;
      if (!credential) return refuse(RETURN_CODE.BAD_USERNAME_OR_PASSWORD, `bad username or password for "${username}"`);
      if (!clientIdAllowed(username, client.id)) {
        return refuse(RETURN_CODE.IDENTIFIER_REJECTED, `client id "${client.id}" must be "${username}" or "${username}:<suffix>"`);
      }
      accept(deviceIdentity(credential));
    } catch (err) {
      this.log.error({ err, clientId: client.id }, 'MQTT authentication failed unexpectedly');
      refuse(RETURN_CODE.NOT_AUTHORIZED, 'authentication error');
    }
  }

  /** Returning an error makes aedes close the connection: MQTT 3.1.1 has no negative PUBACK (§3.3.5). */
  private authorizePublish(client: Client | null, packet: PublishPacket, done: (error: Error | null) => void): void {
    // A null client is a will left by a broker that died (aedes' sweep): nothing about it is trusted, it is
    // checked against the ACL of the device that left it, as it is now (streamWill filtered it already).
    if (!client) {
      const problem = this.storedWillProblem(packet);
      return done(problem === undefined ? null : new Rejection(problem));
    }
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

  /** The rights of a device now, by username, for what it left behind; anonymous ones only while allowed. */
  private identityOf(username: string): ClientIdentity | undefined {
    const credential = username ? this.deps.credentials.get(username) : undefined;
    if (credential) return deviceIdentity(credential);
    return this.config?.allowAnonymous ? { kind: 'anonymous' } : undefined;
  }

  /** Why a will stored earlier may not be published now (the reason is logged), or undefined. */
  private storedWillProblem(will: { topic: string; payload?: Buffer | string; clientId?: string }): string | undefined {
    const clientId = will.clientId ?? '';
    const identity = this.identityOf(usernameOfClientId(clientId));
    const problem = identity ? willProblem(identity, will, this.config?.maxPayloadBytes ?? 0) : `the will's client "${clientId}" has no credential any more`;
    if (problem) this.reject(`stored will refused: ${problem}`, { clientId, topic: will.topic });
    return problem;
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
