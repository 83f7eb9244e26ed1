import type { Socket } from 'node:net';
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import { HubError } from '../../hub/sdk/index.js';

export interface ConnectionOptions {
  /** e.g. mqtt://127.0.0.1:1883 */
  url: string;
  username?: string;
  password?: string;
  /** The hub's broker requires the device id (docs/mqtt.md); defaults to the username. */
  clientId?: string;
  /** 0 disables reconnecting; real firmware retries every few seconds. */
  reconnectPeriodMs?: number;
  connectTimeoutMs?: number;
  /** false keeps the broker session, so commands sent while offline arrive on reconnect (docs/mqtt.md). Default true. */
  cleanSession?: boolean;
}

export interface LastWill {
  topic: string;
  payload: string;
}

/**
 * Opens an MQTT 3.1.1 connection (protocolVersion 4, the broker's dialect) with a retained last will,
 * and waits for the first CONNACK. Refusals become HubErrors that say what to check.
 */
export async function openConnection(options: ConnectionOptions, will: LastWill): Promise<MqttClient> {
  const clientOptions: IClientOptions = {
    protocolVersion: 4,
    clean: options.cleanSession ?? true,
    reconnectPeriod: options.reconnectPeriodMs ?? 2000,
    connectTimeout: options.connectTimeoutMs ?? 10_000,
    will: { topic: will.topic, payload: Buffer.from(will.payload), qos: 1, retain: true },
  };
  if (options.clientId !== undefined) clientOptions.clientId = options.clientId;
  if (options.username !== undefined) clientOptions.username = options.username;
  if (options.password !== undefined) clientOptions.password = options.password;
  const client = mqtt.connect(options.url, clientOptions);
  // Firmware sends small packets at once; Nagle's algorithm would hold each acknowledgement back ~40 ms.
  client.on('connect', () => (client.stream as Partial<Socket>).setNoDelay?.(true));
  await new Promise<void>((resolve, reject) => {
    const onConnect = (): void => {
      client.off('error', onError);
      resolve();
    };
    const onError = (err: Error): void => {
      client.off('connect', onConnect);
      client.end(true);
      const refused = /not authorized|bad user ?name or password|identifier rejected|Connection refused/i.test(
        err.message,
      );
      reject(
        new HubError(
          refused ? 'UNAUTHORIZED' : 'DEVICE_UNAVAILABLE',
          refused
            ? `the broker at ${options.url} refused "${options.username ?? '(anonymous)'}": ${err.message}; check the device credentials (hearth credentials create <deviceId>) and that the client id equals the username`
            : `cannot connect to the broker at ${options.url}: ${err.message}; check that the hub is running and the URL is right`,
        ),
      );
    };
    client.once('connect', onConnect);
    client.once('error', onError);
  });
  return client;
}
