/** Devices in SQLite: rows ↔ `Device`. The registry keeps the live copy in memory and writes through. */
import type { Statement } from 'better-sqlite3';
import type { Db } from '../store/database.js';
import type { Device, DeviceOrigin, DeviceState, DeviceType } from '../sdk/index.js';

interface DeviceRow {
  id: string;
  name: string;
  aliases: string;
  area: string | null;
  type: DeviceType;
  device_class: string | null;
  driver: string;
  driver_config: string | null;
  origin: DeviceOrigin;
  capabilities: string;
  state: string;
  available: number;
  last_seen: string | null;
  discovery_topic: string | null;
}

export class DeviceStore {
  private saveStateStatement: Statement | undefined;

  constructor(private readonly db: Db) {}

  all(): Device[] {
    return (this.db.prepare('SELECT * FROM devices ORDER BY id').all() as DeviceRow[]).map(toDevice);
  }

  areaExists(id: string): boolean {
    return this.db.prepare('SELECT 1 FROM areas WHERE id = ?').get(id) !== undefined;
  }

  /** Finds an area by id, name or alias (case-insensitive), for discovery's suggested_area. */
  findArea(nameOrId: string): string | undefined {
    const wanted = nameOrId.trim().toLowerCase();
    const rows = this.db.prepare('SELECT id, name, aliases FROM areas').all() as {
      id: string;
      name: string;
      aliases: string;
    }[];
    for (const row of rows) {
      const names = [row.id, row.name, ...(JSON.parse(row.aliases) as string[])].map((n) => n.toLowerCase());
      if (names.includes(wanted)) return row.id;
    }
    return undefined;
  }

  /** Area ids on a floor (for list filters). */
  areasOnFloor(floor: string): Set<string> {
    return new Set(this.db.prepare('SELECT id FROM areas WHERE floor = ?').pluck().all(floor) as string[]);
  }

  upsert(device: Device, now: string): void {
    const discoveryTopic =
      typeof device.driverConfig?.discovery_topic === 'string' ? device.driverConfig.discovery_topic : null;
    this.db
      .prepare(
        `INSERT INTO devices (id, name, aliases, area, type, device_class, driver, driver_config, origin, capabilities, state, available, last_seen, discovery_topic, created_at, updated_at)
         VALUES (@id, @name, @aliases, @area, @type, @device_class, @driver, @driver_config, @origin, @capabilities, @state, @available, @last_seen, @discovery_topic, @now, @now)
         ON CONFLICT(id) DO UPDATE SET name = excluded.name, aliases = excluded.aliases, area = excluded.area, type = excluded.type,
           device_class = excluded.device_class, driver = excluded.driver, driver_config = excluded.driver_config, origin = excluded.origin,
           capabilities = excluded.capabilities, state = excluded.state, available = excluded.available, last_seen = excluded.last_seen,
           discovery_topic = excluded.discovery_topic, updated_at = excluded.updated_at`,
      )
      .run({
        id: device.id,
        name: device.name,
        aliases: JSON.stringify(device.aliases),
        area: device.area ?? null,
        type: device.type,
        device_class: device.deviceClass ?? null,
        driver: device.driver,
        driver_config: device.driverConfig ? JSON.stringify(device.driverConfig) : null,
        origin: device.origin,
        capabilities: JSON.stringify(device.capabilities),
        state: JSON.stringify(device.state),
        available: device.available ? 1 : 0,
        last_seen: device.lastSeen ?? null,
        discovery_topic: discoveryTopic,
        now,
      });
  }

  /** `stateJson`: the state already serialised (the state writer does it per device, see state-writer.ts). */
  saveState(id: string, stateJson: string, available: boolean, lastSeen: string | undefined): void {
    // Prepared once: the state writer calls this for every dirty device on each flush.
    this.saveStateStatement ??= this.db.prepare(
      'UPDATE devices SET state = ?, available = ?, last_seen = ? WHERE id = ?',
    );
    this.saveStateStatement.run(stateJson, available ? 1 : 0, lastSeen ?? null, id);
  }

  delete(id: string): void {
    this.db.prepare('DELETE FROM devices WHERE id = ?').run(id);
  }
}

function toDevice(row: DeviceRow): Device {
  const device: Device = {
    id: row.id,
    name: row.name,
    aliases: JSON.parse(row.aliases) as string[],
    type: row.type,
    driver: row.driver,
    origin: row.origin,
    capabilities: JSON.parse(row.capabilities) as string[],
    state: JSON.parse(row.state) as DeviceState,
    available: row.available === 1,
  };
  if (row.area) device.area = row.area;
  if (row.device_class) device.deviceClass = row.device_class;
  if (row.driver_config) device.driverConfig = JSON.parse(row.driver_config) as Record<string, unknown>;
  if (row.last_seen) device.lastSeen = row.last_seen;
  return device;
}
