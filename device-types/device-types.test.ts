/**
 * A device type is its folder plus one registration line: every part of the hub that knows about types reads them
 * from the registration list (device-types/list.ts), and the model each folder declares is consistent with its own commands.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtInDrivers } from '../device-drivers/index.js';
import { deviceKinds } from '../firmware-sim/devices/catalog.js';
import { TARGET_SLOTS, type Capability, type DeviceTypeDefinition, type DriverDevice } from '../hub/sdk/index.js';
import { builtinSkills } from '../skills/index.js';
import smartHome from '../skills/smart-home/index.js';
import { withDeviceTypes } from '../skills/smart-home/intents/index.js';
import { SEARCH_QUERY_REFUSES } from '../hub/language/lexicon/free-text-en.js';
import { commandsOf, DEVICE_TYPES, DEVICE_WORDS, deviceTypes, playsMedia } from './index.js';

const ROOT = resolve(import.meta.dirname, '..');
const types = Object.entries(deviceTypes) as [string, DeviceTypeDefinition][];

/** The command names a capability sends. */
function commandsIn(c: Capability): string[] {
  switch (c.kind) {
    case 'on_off':
      return [c.on, c.off];
    case 'lock':
      return [c.lock, c.unlock];
    case 'actions':
    case 'program':
      return c.buttons.map((b) => b.command);
    case 'playback':
      return [c.play, c.pause, c.next, c.previous, c.playMedia];
    case 'level':
    case 'setpoint':
    case 'mode':
    case 'color':
    case 'position':
      return [c.command];
    default:
      return [];
  }
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (['node_modules', 'dist', '.git', 'sealed'].includes(e.name)) return [];
    const path = join(dir, e.name);
    return e.isDirectory()
      ? sourceFiles(path)
      : /\.(ts|js|mjs|yaml)$/.test(e.name) && !e.name.endsWith('.test.ts')
        ? [path]
        : [];
  });
}

describe('device types: one folder plus one registration line', () => {
  it('the types added as folders are named nowhere in the product code outside their folder and the registration list', () => {
    const files = ['hub', 'skills', 'device-drivers', 'firmware-sim', 'device-types', 'config', 'bin'].flatMap((d) =>
      sourceFiles(join(ROOT, d)),
    );
    expect(files.length).toBeGreaterThan(200);
    for (const [name, words] of [
      ['humidifier', /humidif|HassHumidifier/i],
      ['lawn_mower', /lawn_?mower|HassLawnMower|\bmow/i],
    ] as const) {
      const own = join(ROOT, 'device-types', name) + sep;
      const outside = files.filter((f) => !f.startsWith(own) && words.test(readFileSync(f, 'utf8')));
      expect(outside.map((f) => relative(ROOT, f))).toEqual(['device-types/list.ts']);
      const registration = readFileSync(join(ROOT, 'device-types', 'list.ts'), 'utf8')
        .split('\n')
        .filter((l) => words.test(l));
      expect(registration).toHaveLength(1); // its line in the list
    }
  });

  it('every registered type is a device type everywhere: names, command vocabulary, a native driver that takes its commands', () => {
    expect(DEVICE_TYPES).toEqual(Object.keys(deviceTypes));
    for (const [name, type] of types) {
      expect(commandsOf(name)).toEqual(Object.keys(type.commands));
      const device: DriverDevice = {
        id: 'x',
        name: 'X',
        type: name as DriverDevice['type'],
        capabilities: [],
        state: {},
        available: true,
      };
      const driver = builtInDrivers.find((d) => d.protocol === 'hearth' && d.handles(device));
      expect(driver, `a native driver for ${name}`).toBeDefined();
      for (const command of Object.keys(type.commands)) {
        const plan = (() => {
          try {
            return driver!.command(device, { command }, 'c1');
          } catch (err) {
            return err as Error;
          }
        })();
        // A command is known to the driver: it plans a publish or names bad params, never "unsupported".
        if (plan instanceof Error)
          expect((plan as { code?: string }).code, `${name}.${command}`).not.toBe('UNSUPPORTED_COMMAND');
      }
    }
  });

  it("each model sends only its type's own commands, and its Home Assistant mapping offers only those too", () => {
    for (const [name, type] of types) {
      const known = new Set(Object.keys(type.commands));
      const sent = type.capabilities.flatMap(commandsIn).filter((c) => !known.has(c));
      expect(sent, `${name} model`).toEqual([]);
      const fixed = [type.speech?.onOff?.on, type.speech?.onOff?.off].map((c) =>
        typeof c === 'object' ? c.command : undefined,
      );
      const speech = fixed.filter((c): c is string => !!c && !known.has(c));
      if (name !== 'todo') expect(speech, `${name} on/off words`).toEqual([]); // todo has always been "turned on" blindly
      if (type.haDiscovery) {
        const offered = Object.keys(
          type.haDiscovery.commands(Object.fromEntries(type.haDiscovery.topicKeys.map((k) => [k, 'x/y']))),
        );
        expect(
          offered.filter((c) => !known.has(c)),
          `${name} discovery`,
        ).toEqual([]);
      }
    }
  });

  it('the media skill reaches the types that can play media, by their model, not by their name', () => {
    expect(DEVICE_TYPES.filter(playsMedia)).toEqual(['media_player']);
    expect(playsMedia('no_such_type')).toBe(false);
  });

  it("the smart-home skill declares each type's intents, with the type's sentences added to the intents they extend", () => {
    for (const [name, type] of types) {
      for (const intent of Object.keys(type.intents ?? {})) {
        expect(smartHome.intents[intent], `${name}: ${intent}`).toBe(type.intents![intent]);
        expect(type.intentActions?.[intent], `${name} acts on ${intent}`).toBeDefined();
      }
      for (const [intent, blocks] of Object.entries(type.moreSentences ?? {})) {
        for (const block of blocks) expect(smartHome.intents[intent]!.sentences).toContain(block);
      }
    }
  });

  it("the SDK's domain slot lists the registered types, and every sentence block of the built-in skills names one", () => {
    expect(TARGET_SLOTS.domain.fixed).toEqual(DEVICE_TYPES);
    const named = builtinSkills.flatMap((skill) =>
      Object.entries(skill.intents ?? {}).flatMap(([intent, declaration]) =>
        declaration.sentences.flatMap((block) =>
          typeof block === 'string'
            ? []
            : [block.slots?.domain, block.requires?.domain]
                .filter((d) => d !== undefined)
                .map((domain) => ({ at: `${skill.id} ${intent}`, domain })),
        ),
      ),
    );
    expect(named.length).toBeGreaterThan(20);
    expect(named.filter(({ domain }) => !(DEVICE_TYPES as readonly unknown[]).includes(domain))).toEqual([]);
  });

  it("a type's nouns are class words; a free-text title may contain them only when the type says they are common in titles", () => {
    const refused = new Set(SEARCH_QUERY_REFUSES.within);
    const houseOnly = DEVICE_WORDS.filter((w) => !w.alsoInTitles);
    expect(houseOnly.length).toBeGreaterThan(5);
    for (const { word, domain } of houseOnly) expect(refused.has(word), `${domain}: "${word}"`).toBe(true);
    for (const word of ['light', 'lights', 'fan', 'door', 'speaker', 'gate'])
      expect(refused.has(word), word).toBe(false);
    expect(DEVICE_WORDS).toContainEqual({ word: 'blinds', domain: 'cover', deviceClass: 'blind', alsoInTitles: true });
    expect(DEVICE_WORDS).toContainEqual({ word: 'dehumidifier', domain: 'humidifier', deviceClass: 'dehumidifier' });
  });

  it("a type's action words for a shared intent are read for its own devices only", () => {
    const actions = smartHome.intents.HassTurnOff!.cues!.actions;
    expect(actions).toContainEqual({ words: 'unlock', domains: ['lock'] });
    expect(actions).toContainEqual({ words: 'close', domains: ['cover'] });
    expect(actions).toContainEqual({ words: 'close', domains: ['valve'] });
    for (const [name, type] of types)
      for (const intent of Object.keys(type.moreCues ?? {}))
        expect(smartHome.intents[intent]?.cues, `${name} adds words to ${intent}`).toBeDefined();
    const stray: DeviceTypeDefinition = {
      summary: 'stray',
      capabilities: [],
      commands: {},
      moreCues: { HassX: ['x'] },
    };
    expect(() => withDeviceTypes({ HassX: { sentences: ['y'], targets: 'none' } }, [['light', stray]])).toThrow(
      /action words to HassX, which nobody declares with cues/,
    );
  });

  it('a type naming an intent nobody declares, or declaring one twice, is refused when the skill is built', () => {
    const stray: DeviceTypeDefinition = {
      summary: 'stray',
      capabilities: [],
      commands: {},
      moreSentences: { HassNobody: [{ sentences: ['x'] }] },
    };
    expect(() => withDeviceTypes({}, [['light', stray]])).toThrow(/HassNobody, which nobody declares/);
    const twice: DeviceTypeDefinition = {
      summary: 'twice',
      capabilities: [],
      commands: {},
      intents: { HassX: { sentences: ['x'], targets: 'none' } },
    };
    expect(() => withDeviceTypes({ HassX: { sentences: ['y'], targets: 'none' } }, [['light', twice]])).toThrow(
      /HassX, which is already declared/,
    );
  });

  it('the simulator runs every type whose folder brings one, with the type and commands of that folder', async () => {
    for (const [name, type] of types) {
      if (!type.simulator) continue;
      const kinds = [...deviceKinds.values()].filter((k) => k.type === name);
      expect(kinds.length, `${name} simulated`).toBeGreaterThan(0);
      const { exercise } = await type.simulator();
      // A type that takes commands names one to exercise; sensors take none.
      if (Object.keys(type.commands).length) expect(Object.keys(type.commands)).toContain(exercise?.[0]);
      else expect(exercise).toBeUndefined();
    }
  });
});
