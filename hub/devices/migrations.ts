import type { Migration } from '../store/database.js';

/** Tables of the devices module. Lists (aliases, capabilities) and objects (state, config) are JSON text. */
export const deviceMigrations: readonly Migration[] = [
  {
    version: 1,
    description: 'floors, areas and devices with state, availability and discovery origin',
    up: `
      CREATE TABLE floors (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        aliases TEXT NOT NULL DEFAULT '[]',
        origin TEXT NOT NULL DEFAULT 'api',
        created_at TEXT NOT NULL
      );
      CREATE TABLE areas (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        aliases TEXT NOT NULL DEFAULT '[]',
        floor TEXT REFERENCES floors(id),
        origin TEXT NOT NULL DEFAULT 'api',
        created_at TEXT NOT NULL
      );
      CREATE TABLE devices (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        aliases TEXT NOT NULL DEFAULT '[]',
        area TEXT REFERENCES areas(id),
        type TEXT NOT NULL,
        device_class TEXT,
        driver TEXT NOT NULL,
        driver_config TEXT,
        origin TEXT NOT NULL,
        capabilities TEXT NOT NULL DEFAULT '[]',
        state TEXT NOT NULL DEFAULT '{}',
        available INTEGER NOT NULL DEFAULT 0,
        last_seen TEXT,
        discovery_topic TEXT UNIQUE,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX devices_area ON devices(area);
      CREATE INDEX areas_floor ON areas(floor);
    `,
  },
];
