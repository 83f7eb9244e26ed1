export type { MqttMessage, MqttTransport } from './transport.js';
export { SqliteCredentialService } from './credential-store.js';
export { EmbeddedBroker } from './embedded-broker.js';
export { ExternalTransport } from './external-transport.js';
