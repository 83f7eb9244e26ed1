import type { Migration } from '../../store/database.js';

/** Tables of the broker's own database file (`<dataDir>/mqtt-broker.db`), module `mqtt-broker`. */
export const brokerPersistenceMigrations: readonly Migration[] = [
  {
    version: 1,
    description: 'retained messages, persistent sessions, QoS queues and wills',
    up: `
      CREATE TABLE retained (topic TEXT PRIMARY KEY, packet TEXT NOT NULL);
      CREATE TABLE subscriptions (
        client_id TEXT NOT NULL, topic TEXT NOT NULL, options TEXT NOT NULL,
        PRIMARY KEY (client_id, topic));
      CREATE TABLE outgoing (
        seq INTEGER PRIMARY KEY AUTOINCREMENT, client_id TEXT NOT NULL,
        broker_id TEXT NOT NULL, broker_counter INTEGER NOT NULL, message_id INTEGER, packet TEXT NOT NULL);
      CREATE INDEX outgoing_client ON outgoing (client_id, seq);
      CREATE TABLE incoming (
        client_id TEXT NOT NULL, message_id INTEGER NOT NULL, packet TEXT NOT NULL,
        PRIMARY KEY (client_id, message_id));
      CREATE TABLE wills (client_id TEXT PRIMARY KEY, broker_id TEXT NOT NULL, packet TEXT NOT NULL);
    `,
  },
];
