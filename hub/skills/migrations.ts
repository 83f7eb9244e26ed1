import type { Migration } from '../store/database.js';

export const SKILLS_MODULE = 'skills';

export const skillsMigrations: readonly Migration[] = [
  {
    version: 1,
    description: 'per-skill key/value storage, timers, installed skills',
    up: `
      CREATE TABLE skill_storage (
        skill_id TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, updated_at INTEGER NOT NULL,
        PRIMARY KEY (skill_id, key));
      CREATE TABLE skill_timers (
        id TEXT PRIMARY KEY, skill_id TEXT NOT NULL, name TEXT, area TEXT, message TEXT NOT NULL,
        duration_ms INTEGER NOT NULL, due_at INTEGER, remaining_ms INTEGER NOT NULL, paused INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL);
      CREATE TABLE skills_installed (
        id TEXT PRIMARY KEY, version TEXT NOT NULL, dir TEXT NOT NULL, publisher TEXT,
        enabled INTEGER NOT NULL DEFAULT 1, installed_at INTEGER NOT NULL);
    `,
  },
  {
    version: 2,
    description: 'timers remember the satellite that set them (they ring there)',
    up: 'ALTER TABLE skill_timers ADD COLUMN satellite TEXT',
  },
];
