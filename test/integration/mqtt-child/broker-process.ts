/**
 * Runs an EmbeddedBroker in its own process for the kill -9 test: argv[2] is the data dir, argv[3] the
 * optional retained write-behind interval in ms.
 * Prints `PORT <n>` once listening, then waits to be killed.
 */
import { join } from 'node:path';
import { EventBus } from '../../../hub/core/event-bus.js';
import type { HubEvents } from '../../../hub/core/events.js';
import { silentLogger } from '../../../hub/core/logger.js';
import { openDatabase } from '../../../hub/store/database.js';
import { EmbeddedBroker, SqliteCredentialService } from '../../../hub/mqtt/index.js';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: broker-process.ts <dataDir>');
const broker = new EmbeddedBroker({
  config: {
    host: '127.0.0.1',
    port: 0,
    allowAnonymous: false,
    maxPayloadBytes: 4096,
    ...(process.argv[3] ? { retainedFlushMs: Number(process.argv[3]) } : {}),
  },
  dataDir,
  credentials: new SqliteCredentialService(openDatabase(join(dataDir, 'hub.db'))),
  bus: new EventBus<HubEvents>(silentLogger),
  log: silentLogger,
});
await broker.start();
process.stdout.write(`PORT ${broker.port}\n`);
setInterval(() => {}, 60_000);
