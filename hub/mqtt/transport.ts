/**
 * How the hub itself talks MQTT, whether the broker is embedded (aedes) or external
 * (Mosquitto, EMQX via mqtt.js). Everything above this interface is the same in both modes.
 */
export interface MqttMessage {
  topic: string;
  payload: Buffer;
  retain: boolean;
  /** The client id of the publisher, when the broker knows it (embedded mode only). */
  clientId?: string;
}

export interface PublishOptions {
  qos?: 0 | 1;
  retain?: boolean;
}

export type MessageHandler = (message: MqttMessage) => void;

export interface MqttTransport {
  start(): Promise<void>;
  stop(): Promise<void>;
  publish(topic: string, payload: string | Buffer, options?: PublishOptions): Promise<void>;
  /** Subscribes with an MQTT topic filter (`+`, `#`); returns an unsubscribe function. */
  subscribe(filter: string, handler: MessageHandler): Promise<() => Promise<void>>;
}
