import type { Migration } from '../store/database.js';

export const ALERTS_MODULE = 'alerts';

export const alertsMigrations: readonly Migration[] = [
  {
    version: 1,
    description: 'alarms and reminders',
    up: `
      CREATE TABLE alarms (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('alarm', 'reminder')),
        hour INTEGER NOT NULL, minute INTEGER NOT NULL,
        days INTEGER NOT NULL DEFAULT 0,
        label TEXT, message TEXT, area TEXT, satellite TEXT, user TEXT,
        enabled INTEGER NOT NULL DEFAULT 1,
        next_at INTEGER,
        snoozed_until INTEGER,
        skip_day INTEGER,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL);
      CREATE INDEX alarms_next ON alarms (next_at);
    `,
  },
];
