/**
 * What the hub says in a room on its own: alarms and reminders (AlarmScheduler), rings of every kind (Ringer),
 * finished timers, and announcements to the satellites (HassBroadcast). hub/main.ts builds one; skills reach it
 * through the capability gate (`alarms`, `notifications`), the API through routes/alerts.ts.
 */
import type { Clock } from '../core/clock.js';
import type { EventBus } from '../core/event-bus.js';
import type { HubEvents } from '../core/events.js';
import type { Logger } from '../core/logger.js';
import type { Alarm, AlarmChange, AlarmInput, AlarmKind, RingFilter, Ringing } from '../sdk/alarms.js';
import { HubError } from '../sdk/errors.js';
import type { Db } from '../store/database.js';
import { AlarmScheduler } from './alarm-scheduler.js';
import type { AlertsConfig } from './config.js';
import { Ringer } from './ringer.js';
import type { SatelliteInfo, SoundOutput } from './sound-output.js';

export interface AlertServiceDeps {
  db: Db;
  clock: Clock;
  bus: EventBus<HubEvents>;
  log: Logger;
  config: AlertsConfig;
  /** The rooms' satellites; set later with `connect` when voice starts after this service. */
  output?: SoundOutput;
  /** An area's id from its id, name or alias (the household); areas said in a sentence come as names. */
  resolveArea?: (nameOrId: string) => string | undefined;
}

export interface Announcement {
  message: string;
  /** Only the satellites of this area; every satellite when absent. */
  area?: string;
  /** The satellite that asked: it does not hear its own announcement. */
  except?: string;
  /** Who announced it (a user, `api`, `dashboard`). */
  from?: string;
}

/** Until voice is up: no satellites, nothing to play. */
const NO_OUTPUT: SoundOutput = { satellites: () => [], say: async () => undefined, silence: async () => undefined };

export class AlertService {
  readonly ringer: Ringer;
  readonly alarms: AlarmScheduler;
  private output: SoundOutput;
  private readonly log: Logger;

  constructor(private readonly deps: AlertServiceDeps) {
    this.log = deps.log.child({ module: 'alerts' });
    this.output = deps.output ?? NO_OUTPUT;
    // The ringer reads `this.output` at every ring, so connecting voice later reaches rings already sounding.
    const output: SoundOutput = {
      satellites: () => this.output.satellites(),
      say: (s, text, options) => this.output.say(s, text, options),
      silence: (s) => this.output.silence(s),
    };
    this.ringer = new Ringer({ output, clock: deps.clock, bus: deps.bus, log: this.log, config: deps.config });
    this.alarms = new AlarmScheduler({
      db: deps.db,
      ringer: this.ringer,
      clock: deps.clock,
      bus: deps.bus,
      log: this.log,
      config: deps.config,
    });
  }

  /** Voice (the satellites) starts after the assistant; alarms caught up at start ring once it is connected too. */
  connect(output: SoundOutput): void {
    this.output = output;
    this.ringer.reachNewListeners();
  }

  async start(): Promise<void> {
    await this.alarms.start();
  }

  async stop(): Promise<void> {
    await this.alarms.stop();
    await this.ringer.shutdown();
  }

  setAlarm(input: AlarmInput): Alarm {
    return this.alarms.set(input.area !== undefined ? { ...input, area: this.areaId(input.area) } : input);
  }

  listAlarms(filter: { kind?: AlarmKind; user?: string } = {}): Alarm[] {
    return this.alarms.list(filter);
  }

  getAlarm(id: string): Alarm | undefined {
    return this.alarms.get(id);
  }

  updateAlarm(id: string, change: AlarmChange): Alarm {
    return this.alarms.update(
      id,
      typeof change.area === 'string' ? { ...change, area: this.areaId(change.area) } : change,
    );
  }

  removeAlarm(id: string): void {
    this.alarms.remove(id);
  }

  ringing(filter: RingFilter = {}): Ringing[] {
    return this.ringer.list(filter);
  }

  satellites(): SatelliteInfo[] {
    return this.output.satellites().map((s) => ({ ...s }));
  }

  /** Whether something rings there, so "stop" needs no wake phrase. */
  soundingAt(filter: RingFilter): boolean {
    return this.ringer.soundingAt(filter);
  }

  /** "Stop": ends the rings there and cuts what the satellites there are playing (a long reply included). */
  async silence(filter: RingFilter = {}): Promise<Ringing[]> {
    const stopped = this.ringer.stop(filter);
    const here = this.satellitesAt(filter);
    if (here.length > 0) await this.output.silence(here);
    return stopped;
  }

  snooze(filter: RingFilter = {}, ms?: number): Alarm[] {
    return this.alarms.snooze(filter, ms);
  }

  /** A timer finished: it rings where it was set until stopped. */
  timerDone(timer: { id: string; message: string; area?: string; satellite?: string }): void {
    this.ringer.ring({
      kind: 'timer',
      sourceId: timer.id,
      message: timer.message,
      ...(timer.area ? { area: timer.area } : {}),
      ...(timer.satellite ? { satellite: timer.satellite } : {}),
    });
  }

  /** A timer was cancelled: if it is ringing, it stops. */
  timerRemoved(id: string): void {
    this.ringer.stopSource(id, 'removed');
  }

  /** Speaks the message on every satellite (or those of `area`) except the one that asked; returns who heard it. */
  async announce(announcement: Announcement): Promise<string[]> {
    const all = this.output.satellites();
    const area = announcement.area !== undefined ? this.areaId(announcement.area) : undefined;
    if (area !== undefined && !all.some((s) => s.area === area))
      throw new HubError(
        'NOT_FOUND',
        `no satellite is in the area "${announcement.area}": announce to every room, or put a satellite there`,
      );
    const targets = all
      .filter((s) => (area === undefined || s.area === area) && s.id !== announcement.except)
      .map((s) => s.id);
    if (targets.length > 0) await this.output.say(targets, announcement.message);
    this.log.info({ satellites: targets, area: announcement.area, from: announcement.from }, 'announcement');
    this.deps.bus.emit('announcement', {
      message: announcement.message,
      satellites: targets,
      ...(area !== undefined ? { area } : {}),
      ...(announcement.from !== undefined ? { from: announcement.from } : {}),
    });
    return targets;
  }

  /** The area's id when the household knows it by that id, name or alias; otherwise as given. */
  private areaId(nameOrId: string): string {
    return this.deps.resolveArea?.(nameOrId) ?? nameOrId;
  }

  private satellitesAt(filter: RingFilter): string[] {
    const all = this.output.satellites();
    if (filter.area === undefined && filter.satellite === undefined) return all.map((s) => s.id);
    return all
      .filter((s) => s.id === filter.satellite || (filter.area !== undefined && s.area === filter.area))
      .map((s) => s.id);
  }
}
