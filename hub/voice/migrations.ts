import type { Migration } from '../store/database.js';

export const voiceMigrations: readonly Migration[] = [
  {
    version: 1,
    description: 'voice log: one row per handled utterance; audio only when the user enables it',
    up: `CREATE TABLE voice_log (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      at INTEGER NOT NULL,
      source TEXT NOT NULL,
      area TEXT,
      transcript TEXT NOT NULL,
      intent TEXT,
      reply TEXT NOT NULL,
      timings TEXT NOT NULL,
      audio BLOB
    );
    CREATE INDEX voice_log_at ON voice_log (at);`,
  },
  {
    version: 2,
    description: 'cepstral mean per audio source (microphone, each satellite, uploads), adapted after each utterance',
    up: `CREATE TABLE voice_channel_means (
      source TEXT PRIMARY KEY,
      mean TEXT NOT NULL,
      utterances INTEGER NOT NULL,
      frames INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    );`,
  },
];
