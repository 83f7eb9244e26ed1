/** Builds a SkillRuntime on a temp SQLite file with in-memory devices and the regex language, for tests. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock, type Clock } from '../../core/clock.js';
import { EventBus } from '../../core/event-bus.js';
import type { HubEvents } from '../../core/events.js';
import { silentLogger } from '../../core/logger.js';
import { openDatabase, type Db } from '../../store/database.js';
import type { IntentDeclaration } from '../../sdk/intent-declaration.js';
import { defineSkill, type SkillDefinition } from '../../sdk/skill.js';
import { skillsConfigSchema, type SkillsConfig } from '../config.js';
import { SkillRuntime } from '../runtime.js';
import { MemoryDeviceService } from './memory-devices.js';
import { RegexLanguage } from './regex-language.js';

/** Sentences standing in for hub/language's built-in Home Assistant intents. */
export const TEST_HASS_SENTENCES: Record<string, IntentDeclaration> = {
  HassTurnOn: {
    targets: 'none',
    sentences: [
      'turn on [the] {name} [in [the] {area}]',
      'turn [the] {name} on',
      'lock [the] {name}',
      'open [the] {name}',
    ],
  },
  HassTurnOff: {
    targets: 'none',
    sentences: ['turn off [the] {name} [in [the] {area}]', 'turn [the] {name} off', 'unlock [the] {name}'],
  },
  HassGetState: { targets: 'none', sentences: ['is [the] {name} (on|off)'] },
  HassLightSet: {
    targets: 'none',
    sentences: ['set [the] {name} [brightness] to {brightness} [percent]'],
    slots: { brightness: { range: { from: 0, to: 100 } } },
  },
  HassMediaPause: { targets: 'none', sentences: ['pause [the] [music]'] },
  HassMediaNext: { targets: 'none', sentences: ['next (song|track)'] },
  HassSetVolume: {
    targets: 'none',
    sentences: ['set [the] volume to {volume_level}'],
    slots: { volume_level: { range: { from: 0, to: 100 } } },
  },
  HassMediaSearchAndPlay: {
    targets: 'none',
    sentences: ['play {search_query} in [the] {area}', 'play {search_query}'],
    slots: { search_query: { wildcard: true } },
  },
  HassStartTimer: {
    targets: 'none',
    sentences: ['set a timer for {minutes} minute[s]', 'set a {name} timer for {minutes} minute[s]'],
    slots: { minutes: { range: { from: 1, to: 100 } }, name: { wildcard: true } },
  },
  HassCancelTimer: { targets: 'none', sentences: ['cancel [the] timer'] },
  HassTimerStatus: { targets: 'none', sentences: ['how much time is left'] },
  VehicleLock: { targets: 'none', sentences: ['lock the car'] },
  VehicleGetLockState: { targets: 'none', sentences: ['is the car locked'] },
  VehicleStartClimate: {
    targets: 'none',
    sentences: ['start the car and warm it to {temperature}'],
    slots: { temperature: { range: { from: 10, to: 30 } } },
  },
  VehicleGetCharge: { targets: 'none', sentences: ['how much charge is left'] },
  HearthHelp: { targets: 'none', sentences: ['what can you do'] },
  HassShoppingListAddItem: {
    targets: 'none',
    sentences: ['add {item} to [my|the] shopping list'],
    slots: { item: { wildcard: true } },
  },
  HassShoppingListCompleteItem: {
    targets: 'none',
    sentences: ['(check|tick) off {item} [from [my|the] shopping list]'],
    slots: { item: { wildcard: true } },
  },
  HearthListRead: { targets: 'none', sentences: ["what's on [my|the] shopping list"] },
  HearthListClear: { targets: 'none', sentences: ['clear [my|the] shopping list'] },
  HearthListCreate: { targets: 'none', sentences: ['make a new list'] },
};

export interface Fixture {
  runtime: SkillRuntime;
  devices: MemoryDeviceService;
  language: RegexLanguage;
  bus: EventBus<HubEvents>;
  clock: ManualClock;
  db: Db;
  dir: string;
  notifications: HubEvents['notification'][];
  close(): Promise<void>;
}

export const TEST_AREAS = [
  { id: 'kitchen', name: 'Kitchen' },
  { id: 'living_room', name: 'Living room' },
  { id: 'bedroom', name: 'Bedroom' },
];

export function createFixture(options: { config?: Partial<SkillsConfig>; dir?: string; clock?: Clock } = {}): Fixture {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'hearth-skills-'));
  const db = openDatabase(join(dir, 'hub.sqlite'));
  const clock = (options.clock as ManualClock | undefined) ?? new ManualClock();
  const bus = new EventBus<HubEvents>(silentLogger);
  const devices = new MemoryDeviceService();
  const language = new RegexLanguage(devices, TEST_AREAS, TEST_HASS_SENTENCES);
  const config = skillsConfigSchema.parse(options.config ?? {});
  const runtime = new SkillRuntime({
    devices,
    language,
    db,
    bus,
    log: silentLogger,
    clock,
    config,
    hubVersion: '0.1.0',
  });
  const notifications: HubEvents['notification'][] = [];
  bus.on('notification', (n) => notifications.push(n));
  return {
    runtime,
    devices,
    language,
    bus,
    clock,
    db,
    dir,
    notifications,
    async close() {
      await runtime.stop();
      db.close();
      if (!options.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function addTestHousehold(devices: MemoryDeviceService): void {
  devices.add({ id: 'kitchen-light', name: 'Kitchen light', area: 'kitchen', type: 'light' });
  devices.add({ id: 'kitchen-ceiling', name: 'Kitchen ceiling light', area: 'kitchen', type: 'light' });
  devices.add({ id: 'lamp', name: 'Reading lamp', area: 'living_room', type: 'light' });
  devices.add({ id: 'front-door', name: 'Front door', type: 'lock' });
  devices.add({ id: 'speaker-living', name: 'Living room speaker', area: 'living_room', type: 'media_player' });
  devices.add({ id: 'speaker-kitchen', name: 'Kitchen speaker', area: 'kitchen', type: 'media_player' });
  devices.add({ id: 'car', name: 'Car', type: 'vehicle' });
  devices.update('car', {});
}

/** A skill whose one intent ("crash the broken skill") always throws: three in a row disable it. */
export function brokenSkill(): SkillDefinition {
  return defineSkill({
    id: 'broken',
    version: '1.0.0',
    permissions: [],
    intents: { Crash: { targets: 'none', sentences: ['crash the broken skill'] } },
    handle() {
      throw new Error('boom');
    },
  });
}
