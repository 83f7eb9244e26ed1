import type { EventBus } from '../core/event-bus.js';
import type { HubEvents } from '../core/events.js';
import { systemClock, type Clock } from '../core/clock.js';
import { applyMigrations, type Db } from '../store/database.js';
import { HubError, type Area, type Floor } from '../sdk/index.js';
import type { HouseholdService } from './contracts.js';
import { deviceMigrations } from './migrations.js';
import { areaInputSchema, areaPatchSchema, floorInputSchema, floorPatchSchema, validate } from './validation.js';
import type { SeedArea, SeedFloor } from './seed-types.js';

type Origin = 'config' | 'api';
interface FloorRow {
  id: string;
  name: string;
  aliases: string;
  origin: Origin;
}
interface AreaRow {
  id: string;
  name: string;
  aliases: string;
  floor: string | null;
  origin: Origin;
}

export interface HouseholdDeps {
  db: Db;
  /** Reserved for change events; floors and areas have none in HubEvents yet. */
  bus?: EventBus<HubEvents>;
  clock?: Clock;
}

type Listener = () => void;

/**
 * Floors and areas in SQLite. A floor with areas, or an area with devices, cannot be removed
 * (CONFLICT): nothing is silently detached.
 */
export class Household implements HouseholdService {
  private readonly db: Db;
  private readonly clock: Clock;
  private readonly listeners = new Set<Listener>();

  constructor(deps: HouseholdDeps) {
    this.db = deps.db;
    this.clock = deps.clock ?? systemClock;
  }

  async start(): Promise<void> {
    applyMigrations(this.db, 'devices', deviceMigrations);
  }

  async stop(): Promise<void> {}

  /** Called after any floor or area change (the language module rebuilds its slot lists). */
  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  floors(): Floor[] {
    return (this.db.prepare('SELECT * FROM floors ORDER BY name').all() as FloorRow[]).map(toFloor);
  }

  areas(): Area[] {
    return (this.db.prepare('SELECT * FROM areas ORDER BY name').all() as AreaRow[]).map(toArea);
  }

  getFloor(id: string): Floor | undefined {
    const row = this.db.prepare('SELECT * FROM floors WHERE id = ?').get(id) as FloorRow | undefined;
    return row && toFloor(row);
  }

  getArea(id: string): Area | undefined {
    const row = this.db.prepare('SELECT * FROM areas WHERE id = ?').get(id) as AreaRow | undefined;
    return row && toArea(row);
  }

  addFloor(input: Floor, origin: Origin = 'api'): Floor {
    const floor = validate(floorInputSchema, input, 'floor');
    if (this.getFloor(floor.id))
      throw new HubError('CONFLICT', `A floor with id "${floor.id}" already exists; choose another id or update it.`);
    this.db
      .prepare('INSERT INTO floors (id, name, aliases, origin, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(floor.id, floor.name, JSON.stringify(floor.aliases), origin, new Date(this.clock.now()).toISOString());
    this.changed();
    return this.requireFloor(floor.id);
  }

  updateFloor(id: string, patch: Partial<Omit<Floor, 'id'>>): Floor {
    const current = this.requireFloor(id);
    const p = validate(floorPatchSchema, patch, 'floor update');
    this.db
      .prepare('UPDATE floors SET name = ?, aliases = ? WHERE id = ?')
      .run(p.name ?? current.name, JSON.stringify(p.aliases ?? current.aliases), id);
    this.changed();
    return this.requireFloor(id);
  }

  removeFloor(id: string): void {
    this.requireFloor(id);
    const areas = this.db.prepare('SELECT id FROM areas WHERE floor = ?').pluck().all(id) as string[];
    if (areas.length) {
      throw new HubError(
        'CONFLICT',
        `Floor "${id}" still has areas (${areas.join(', ')}); move or remove them first.`,
        { areas },
      );
    }
    this.db.prepare('DELETE FROM floors WHERE id = ?').run(id);
    this.changed();
  }

  addArea(input: Area, origin: Origin = 'api'): Area {
    const area = validate(areaInputSchema, input, 'area');
    if (this.getArea(area.id))
      throw new HubError('CONFLICT', `An area with id "${area.id}" already exists; choose another id or update it.`);
    if (area.floor) this.requireFloor(area.floor);
    this.db
      .prepare('INSERT INTO areas (id, name, aliases, floor, origin, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(
        area.id,
        area.name,
        JSON.stringify(area.aliases),
        area.floor ?? null,
        origin,
        new Date(this.clock.now()).toISOString(),
      );
    this.changed();
    return this.requireArea(area.id);
  }

  updateArea(id: string, patch: Partial<Omit<Area, 'id'>> | { floor?: string | null }): Area {
    const current = this.requireArea(id);
    const p = validate(areaPatchSchema, patch, 'area update');
    if (p.floor) this.requireFloor(p.floor);
    const floor = p.floor === undefined ? (current.floor ?? null) : p.floor;
    this.db
      .prepare('UPDATE areas SET name = ?, aliases = ?, floor = ? WHERE id = ?')
      .run(p.name ?? current.name, JSON.stringify(p.aliases ?? current.aliases), floor, id);
    this.changed();
    return this.requireArea(id);
  }

  removeArea(id: string): void {
    this.requireArea(id);
    const devices = this.db.prepare('SELECT id FROM devices WHERE area = ?').pluck().all(id) as string[];
    if (devices.length) {
      throw new HubError(
        'CONFLICT',
        `Area "${id}" still has devices (${devices.slice(0, 10).join(', ')}); move or remove them first.`,
        { devices },
      );
    }
    this.db.prepare('DELETE FROM areas WHERE id = ?').run(id);
    this.changed();
  }

  /**
   * Makes the config's floors and areas true: each is inserted or overwritten (origin 'config');
   * config entries that left the config are removed when nothing still uses them.
   */
  seedFromConfig(config: { readonly floors: readonly SeedFloor[]; readonly areas: readonly SeedArea[] }): void {
    this.db.transaction(() => {
      const upsertFloor =
        this.db.prepare(`INSERT INTO floors (id, name, aliases, origin, created_at) VALUES (@id, @name, @aliases, 'config', @now)
        ON CONFLICT(id) DO UPDATE SET name = excluded.name, aliases = excluded.aliases, origin = 'config'`);
      const upsertArea =
        this.db.prepare(`INSERT INTO areas (id, name, aliases, floor, origin, created_at) VALUES (@id, @name, @aliases, @floor, 'config', @now)
        ON CONFLICT(id) DO UPDATE SET name = excluded.name, aliases = excluded.aliases, floor = excluded.floor, origin = 'config'`);
      const now = new Date(this.clock.now()).toISOString();
      for (const f of config.floors)
        upsertFloor.run({ id: f.id, name: f.name, aliases: JSON.stringify(f.aliases ?? []), now });
      for (const a of config.areas)
        upsertArea.run({
          id: a.id,
          name: a.name,
          aliases: JSON.stringify(a.aliases ?? []),
          floor: a.floor ?? null,
          now,
        });
      const areaIds = new Set(config.areas.map((a) => a.id));
      for (const row of this.db.prepare("SELECT id FROM areas WHERE origin = 'config'").pluck().all() as string[]) {
        const used = this.db.prepare('SELECT 1 FROM devices WHERE area = ? LIMIT 1').get(row);
        if (!areaIds.has(row) && !used) this.db.prepare('DELETE FROM areas WHERE id = ?').run(row);
      }
      const floorIds = new Set(config.floors.map((f) => f.id));
      for (const row of this.db.prepare("SELECT id FROM floors WHERE origin = 'config'").pluck().all() as string[]) {
        const used = this.db.prepare('SELECT 1 FROM areas WHERE floor = ? LIMIT 1').get(row);
        if (!floorIds.has(row) && !used) this.db.prepare('DELETE FROM floors WHERE id = ?').run(row);
      }
    })();
    this.changed();
  }

  private requireFloor(id: string): Floor {
    const floor = this.getFloor(id);
    if (!floor) throw new HubError('FLOOR_NOT_FOUND', `No floor with id "${id}"; list floors to see the ids.`);
    return floor;
  }

  private requireArea(id: string): Area {
    const area = this.getArea(id);
    if (!area) throw new HubError('AREA_NOT_FOUND', `No area with id "${id}"; list areas to see the ids.`);
    return area;
  }

  private changed(): void {
    for (const l of this.listeners) {
      try {
        l();
      } catch {
        // A failing listener must not undo a committed change.
      }
    }
  }
}

function toFloor(row: FloorRow): Floor {
  return { id: row.id, name: row.name, aliases: JSON.parse(row.aliases) as string[] };
}

function toArea(row: AreaRow): Area {
  const area: Area = { id: row.id, name: row.name, aliases: JSON.parse(row.aliases) as string[] };
  if (row.floor) area.floor = row.floor;
  return area;
}
