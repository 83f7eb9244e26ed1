import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { Aedes, type AuthenticateError, type Client, type PublishPacket, type Subscription } from 'aedes';
import type { IConnectPacket } from 'mqtt-packet';
import { systemClock, type Clock } from '../core/clock.js';
import { RateLimitedReports } from '../core/rate-limited-reports.js';
import type { EventBus } from '../core/event-bus.js';
import type { HubEvents } from '../core/events.js';
import type { Logger } from '../core/logger.js';
import { HubError } from '../sdk/errors.js';
import { mayPublish, maySubscribe, type ClientIdentity } from './access-control.js';
import { DeviceRights } from './device-rights.js';
import { SessionBudget } from './session-budget.js';
import { ConnectAuth, type ConnectAuthDeps, type ConnectDecision } from './connect-auth.js';
import { gateConnection } from './connect-gate.js';
import {
  maxPacketBytes,
  parseBrokerConfig,
  type EmbeddedBrokerConfig,
  type ResolvedBrokerConfig,
} from './broker-config.js';
import { EmbeddedTransport } from './embedded-transport.js';
import { limitPacketSize } from './packet-size-guard.js';
import { RetainedTopics } from './retained-topics.js';
import { requireWellFormedStrings } from './string-guard.js';
import { SqlitePersistence } from './persistence/sqlite-persistence.js';
import type { MqttTransport } from './transport.js';

export interface EmbeddedBrokerDeps {
  config: EmbeddedBrokerConfig;
  /** Retained messages and persistent sessions go to `<dataDir>/mqtt-broker.db`. */
  dataDir: string;
  credentials: ConnectAuthDeps['credentials'];
  bus: EventBus<HubEvents>;
  log: Logger;
  clock?: Clock;
}

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
  /** Topic filters granted to each connection, restored ones included (the persistence stores only these). */
  private readonly granted = new WeakMap<Client, Set<string>>();
  private budget: SessionBudget | undefined;
  /** Sockets whose CONNECT the gate accepted, with who they are (connect-gate.ts). */
  private readonly approved = new WeakMap<Socket, ClientIdentity>();
  private connectAuth: ConnectAuth | undefined;
  private rejections: RateLimitedReports | undefined;
  private retainedTopics: RetainedTopics | undefined;
  private rights: DeviceRights | undefined;
  private boundPort: number | undefined;

  constructor(private readonly deps: EmbeddedBrokerDeps) {
    this.log = deps.log.child({ module: 'mqtt-broker' });
  }

  /** The port actually bound (useful with port 0). Throws before start(). */
  get port(): number {
    if (this.boundPort === undefined)
      throw new HubError('INTERNAL', 'The MQTT broker has no port yet: call start() first.');
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
    this.rejections = new RateLimitedReports(
      this.deps.clock ?? systemClock,
      config.rejectionsLoggedPerSecond,
      (notLogged) => {
        const reason = `${notLogged} more refusals than can be logged (a flood?) were only counted`;
        this.log.warn({ notLogged }, `MQTT input rejected: ${reason}`);
        this.deps.bus.emit('inputRejected', { source: 'mqtt', reason, count: notLogged });
      },
    );
    this.connectAuth = new ConnectAuth({
      credentials: this.deps.credentials,
      allowAnonymous: config.allowAnonymous,
      maxPayloadBytes: config.maxPayloadBytes,
      backoff: config.failedLogins,
      clock: this.deps.clock ?? systemClock,
      onBackoff: (address, waitMs) =>
        this.reject(`wrong passwords from ${address}: its CONNECTs are refused for ${Math.ceil(waitMs / 1000)} s`, {}),
    });
    this.rights = new DeviceRights(this.deps.credentials, config);
    const retainedTopics = new RetainedTopics(config.maxRetainedTopicsPerDevice);
    this.retainedTopics = retainedTopics;
    const budget = new SessionBudget(config);
    this.budget = budget;
    const persistence = new SqlitePersistence(join(this.deps.dataDir, 'mqtt-broker.db'), {
      retainedFlushMs: config.retainedFlushMs,
      budget,
      acceptSubscription: (client, topic) => this.granted.get(client as unknown as Client)?.has(topic) === true,
      acceptStoredSubscription: (clientId, topic) => this.rights?.subscriptionProblem(clientId, topic) === undefined,
      onQueueFull: (clientId, topic) =>
        this.reject(
          `message not queued for offline session "${clientId}": its device's queue is full (mqtt.maxQueuedMessagesPerDevice, maxQueuedBytesPerDevice)`,
          { clientId, topic },
        ),
      onRetainedError: (err, pending) =>
        this.log.error(
          { err, pending },
          'cannot write retained messages (disk full or database locked?); kept in memory, retrying',
        ),
      acceptWill: (will) => this.storedWillProblem(will) === undefined,
      onRetained: (topic, cleared) => retainedTopics.stored(topic, cleared),
    });
    const aedes = new Aedes({
      persistence,
      connectTimeout: config.connectTimeoutMs,
      heartbeatInterval: Math.max(50, Math.floor(config.deadBrokerSweepMs / 4)),
      maxClientsIdLength: 128,
      authenticate: (client, _username, _password, done) => this.authenticate(client, done),
      authorizePublish: (client, packet, done) => this.authorizePublish(client, packet, done),
      authorizeSubscribe: (client, sub, done) => done(null, this.authorizeSubscribe(client, sub)),
    });
    aedes.on('unsubscribe', (topics, client) => {
      const granted = this.granted.get(client);
      for (const topic of topics) granted?.delete(topic);
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
      if (err.code === 'EADDRINUSE')
        throw new HubError(
          'PORT_IN_USE',
          `mqtt.port: ${where} is already in use (another hub or broker listens there); stop it, or pass --mqtt-port N (0 picks a free port)`,
        );
      throw new HubError(
        'CONFIG_INVALID',
        `mqtt.port: the MQTT broker cannot listen on ${where} (${err.code ?? err.message}); choose another with mqtt.port or --mqtt-port`,
      );
    });
    server.on('error', (err) => this.log.error({ err }, 'MQTT listener error'));
    this.boundPort = (server.address() as AddressInfo).port;
    this.log.info(
      { host: config.host, port: this.boundPort, allowAnonymous: config.allowAnonymous },
      'MQTT broker listening',
    );
  }

  async stop(): Promise<void> {
    this.deps.credentials.slowChecks?.clear(new HubError('DEVICE_UNAVAILABLE', 'the MQTT broker is stopping'));
    this.rejections?.dispose();
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
          if (!this.aedes)
            throw new HubError('INTERNAL', 'The embedded MQTT broker is not running: start it before its transport.');
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
  readonly announcedTopicsProblem = (ownerId: string, topics: string[]): string | undefined =>
    this.rights ? this.rights.announcedTopicsProblem(ownerId, topics) : 'the embedded broker is not running';

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
    // An address backing off after wrong passwords is closed before anything is read (connect-auth.ts).
    if (!this.aedes || (this.connectAuth?.backoffMs(socket.remoteAddress ?? '') ?? 0) > 0) return void socket.destroy();
    this.sockets.add(socket);
    // MQTT packets are small and latency-bound: Nagle + delayed ACK held a command round trip at ~86 ms.
    socket.setNoDelay(true);
    const hungUp = new AbortController();
    socket.once('close', () => {
      this.sockets.delete(socket);
      hungUp.abort();
    });
    gateConnection(
      socket,
      { maxPacketBytes: maxPacketBytes(config.maxPayloadBytes), connectTimeoutMs: config.connectTimeoutMs },
      {
        decide: (connect) => this.decideConnect(socket, connect, hungUp.signal),
        accepted: () => this.admit(socket, config),
        invalid: (reason) => this.reject(reason, {}),
      },
    );
  }

  /** The CONNECT read by the gate: who it is, or how it is refused (logged here, unless the backoff said it). */
  private async decideConnect(
    socket: Socket,
    connect: IConnectPacket,
    hungUp: AbortSignal,
  ): Promise<{ refuse: number } | 'drop' | 'accept'> {
    let decision: ConnectDecision;
    try {
      decision = await this.connectAuth!.decide({
        clientId: connect.clientId,
        clean: connect.clean !== false,
        emptyClientId: connect.clientId === '',
        will: connect.will,
        username: connect.username,
        password: connect.password,
        address: socket.remoteAddress ?? 'unknown',
        hungUp,
      });
    } catch (err) {
      this.log.error({ err, clientId: connect.clientId }, 'MQTT authentication failed unexpectedly');
      decision = { ok: false, returnCode: 5, reason: 'authentication error' };
    }
    if (decision.ok) {
      this.approved.set(socket, decision.identity);
      return 'accept';
    }
    if ('gone' in decision) return 'drop';
    if (!decision.quiet) this.reject(decision.reason, { clientId: connect.clientId });
    return { refuse: decision.returnCode };
  }

  /** An authenticated socket becomes an aedes client; later packets get the same size and string checks. */
  private admit(socket: Socket, config: ResolvedBrokerConfig): void {
    if (!this.aedes) return void socket.destroy();
    const client = this.aedes.handle(socket);
    limitPacketSize(client, maxPacketBytes(config.maxPayloadBytes), (announced) => {
      this.reject(`packet of ${announced} bytes exceeds the limit`, { clientId: client.id });
      socket.destroy();
    });
    requireWellFormedStrings(client, (reason) => this.reject(reason, { clientId: client.id }));
  }

  /** The gate decided this socket's CONNECT already; a client it did not approve is refused (deny by default). */
  private authenticate(client: Client, done: (error: AuthenticateError | null, success: boolean | null) => void): void {
    const identity = this.approved.get((client as unknown as { conn: Socket }).conn);
    if (identity) {
      this.identities.set(client, identity);
      return done(null, true);
    }
    const reason = 'connection not authenticated by the gate';
    this.reject(reason, { clientId: client.id });
    done(Object.assign(new Rejection(reason), { returnCode: 5 }) as AuthenticateError, null);
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
    if (size > max)
      return done(this.refusePublish(client, packet, `payload of ${size} bytes exceeds mqtt.maxPayloadBytes (${max})`));
    const identity = this.identities.get(client);
    if (!identity || !mayPublish(identity, packet.topic))
      return done(this.refusePublish(client, packet, "publish outside the client's topics"));
    const retainedProblem = packet.retain && size > 0 ? this.retainedTopics?.admit(packet.topic) : undefined;
    if (retainedProblem) return done(this.refusePublish(client, packet, retainedProblem));
    done(null);
  }

  private refusePublish(client: Client, packet: PublishPacket, reason: string): Rejection {
    this.reject(reason, { clientId: client.id, topic: packet.topic });
    return new Rejection(reason);
  }

  /** Why a will stored earlier may not be published now (the reason is logged), or undefined. */
  private storedWillProblem(will: { topic: string; payload?: Buffer | string; clientId?: string }): string | undefined {
    const problem = this.rights ? this.rights.storedWillProblem(will) : 'the broker is not running';
    if (problem)
      this.reject(`stored will refused: ${problem}`, {
        ...(will.clientId ? { clientId: will.clientId } : {}),
        topic: will.topic,
      });
    return problem;
  }

  /** Returning null grants 0x80 (failure) for this one topic, MQTT 3.1.1 §3.9.3. */
  private authorizeSubscribe(client: Client, sub: Subscription): Subscription | null {
    const identity = this.identities.get(client);
    if (!identity || !maySubscribe(identity, sub.topic)) {
      this.reject("subscribe outside the client's topics", { clientId: client.id, topic: sub.topic });
      return null;
    }
    let granted = this.granted.get(client);
    if (granted?.has(sub.topic)) return sub;
    const problem = this.budget?.subscribeProblem(client.id, granted?.size ?? 0, client.clean === false);
    if (problem) {
      this.reject(`subscribe refused: ${problem}`, { clientId: client.id, topic: sub.topic });
      return null;
    }
    if (!granted) this.granted.set(client, (granted = new Set()));
    granted.add(sub.topic);
    return sub;
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

  /** One log line and one bus event per refusal, up to mqtt.rejectionsLoggedPerSecond; beyond that they are counted. */
  private reject(reason: string, where: { clientId?: string; topic?: string }): void {
    const suppressed = this.rejections ? this.rejections.allow() : 0;
    if (suppressed === undefined) return;
    const details = {
      ...(where.clientId ? { clientId: where.clientId } : {}),
      ...(where.topic ? { topic: where.topic.slice(0, 256) } : {}),
    };
    this.log.warn({ ...details, reason, ...(suppressed > 0 ? { notLogged: suppressed } : {}) }, 'MQTT input rejected');
    this.deps.bus.emit('inputRejected', {
      source: 'mqtt',
      reason,
      ...details,
      ...(suppressed > 0 ? { count: suppressed + 1 } : {}),
    });
  }
}
