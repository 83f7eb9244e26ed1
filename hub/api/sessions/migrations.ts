import type { Migration } from '../../store/database.js';

export const sessionMigrations: readonly Migration[] = [
  {
    version: 1,
    description: 'user passwords (scrypt) and dashboard sessions (token hashes)',
    up: `
      CREATE TABLE api_user_passwords (user_id TEXT PRIMARY KEY, hash TEXT NOT NULL, updated_at INTEGER NOT NULL);
      CREATE TABLE api_sessions (
        token_hash TEXT PRIMARY KEY, user_id TEXT NOT NULL, created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL);
      CREATE INDEX api_sessions_user ON api_sessions (user_id);
      CREATE INDEX api_sessions_expiry ON api_sessions (expires_at);
    `,
  },
];
