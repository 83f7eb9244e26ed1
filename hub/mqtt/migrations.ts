import type { Migration } from '../store/database.js';

/** Tables of the mqtt module in the hub database. */
export const mqttMigrations: readonly Migration[] = [
  {
    version: 1,
    description: 'device credentials for the embedded broker',
    up: `CREATE TABLE mqtt_credentials (
      device_id TEXT PRIMARY KEY,
      password_hash TEXT NOT NULL,
      extra_topics TEXT NOT NULL DEFAULT '[]',
      created_at TEXT NOT NULL
    )`,
  },
  {
    version: 2,
    description: 'the key device secrets are hashed with (HMAC-SHA256; see device-secret.ts)',
    up: `CREATE TABLE mqtt_hash_key (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      key BLOB NOT NULL
    )`,
  },
];
