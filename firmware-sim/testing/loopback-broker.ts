import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { Aedes } from 'aedes';
import mqtt, { type MqttClient } from 'mqtt';

/** A bare aedes broker on 127.0.0.1 and a free port, for simulator tests (no auth). */
export class LoopbackBroker {
  private broker: Aedes | undefined;
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  private readonly clients: MqttClient[] = [];
  port = 0;

  get url(): string {
    return `mqtt://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const broker = await Aedes.createBroker();
    const server = createServer((socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
      broker.handle(socket);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.broker = broker;
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
  }

  /** A plain mqtt.js client playing the hub's part; closed by stop(). */
  async client(): Promise<MqttClient> {
    const client = await mqtt.connectAsync(this.url, { protocolVersion: 4, reconnectPeriod: 0 });
    this.clients.push(client);
    return client;
  }

  async stop(): Promise<void> {
    await Promise.all(this.clients.map((c) => c.endAsync(true)));
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    await new Promise<void>((resolve) => (this.broker ? this.broker.close(() => resolve()) : resolve()));
  }
}

/** Collects messages on a topic filter so a test can wait for the one it needs. */
export class TopicRecorder {
  readonly messages: { topic: string; payload: string; retain: boolean }[] = [];
  private waiters: {
    match: (m: { topic: string; payload: string }) => boolean;
    resolve: (m: { topic: string; payload: string }) => void;
  }[] = [];

  constructor(client: MqttClient) {
    client.on('message', (topic, payload, packet) => {
      const message = { topic, payload: payload.toString('utf8'), retain: packet.retain };
      this.messages.push(message);
      this.waiters = this.waiters.filter((w) => {
        if (!w.match(message)) return true;
        w.resolve(message);
        return false;
      });
    });
  }

  /** Resolves with the first message (already received or future) that matches. */
  next(
    match: (m: { topic: string; payload: string }) => boolean,
    timeoutMs = 30_000,
  ): Promise<{ topic: string; payload: string }> {
    const seen = this.messages.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching message within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({
        match,
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m);
        },
      });
    });
  }

  clear(): void {
    this.messages.length = 0;
  }
}
