/**
 * A device type in one folder (`device-types/<type>/index.ts`, listed once in `device-types/index.ts`): what its
 * devices can do (a typed capability model, in the spirit of zigbee2mqtt's "exposes"), the commands they take, how
 * the smart-home skill acts and speaks for it, the intents it brings, how Home Assistant discovery maps it and how
 * the simulator plays it. The registry, the skill, the language, the dashboard and the simulator read it from there.
 */
import type { z } from 'zod';
import type { Device, DeviceCommand, DeviceState } from './devices.js';
import type { Intent, SlotValue } from './intents.js';
import type { ActionCue, IntentDeclaration, SentenceBlock } from './intent-declaration.js';
import type { CommandSchemas } from './native-driver.js';
import type { HaDiscoveryMapping } from './ha-discovery-mapping.js';
import type { SensitiveClass } from './confirm-dialog.js';

/**
 * One thing devices of a type can do or report. `feature`: shown only for devices whose `capabilities` list it
 * (a light without dimming has no brightness slider); without it every device of the type has it. The dashboard
 * draws a generic control per kind and skips kinds it has no control for (colour, readings).
 */
export type Capability = { feature?: string } & (
  | { kind: 'on_off'; property: string; on: string; off: string }
  | {
      kind: 'level';
      property: string;
      label: string;
      min: number;
      max: number;
      unit: string;
      command: string;
      param: string;
      summary?: SummaryText;
    }
  | {
      kind: 'setpoint';
      property: string;
      label: string;
      min: number;
      max: number;
      step: number;
      unit: string;
      fallback: number;
      command: string;
      param: string;
    }
  | { kind: 'color'; property: string; command: string; param: string }
  | { kind: 'position'; property: string; command: string; param: string }
  | { kind: 'lock'; property: string; lock: string; unlock: string }
  /** `valuesFrom`: a state attribute listing the modes this device offers (else all of `values`). */
  | {
      kind: 'mode';
      property: string;
      label: string;
      values: readonly string[];
      valuesFrom?: string;
      command: string;
      param: string;
    }
  | { kind: 'actions'; buttons: readonly ActionButton[] }
  | { kind: 'program'; property: string; states: readonly string[]; buttons: readonly ActionButton[] }
  | { kind: 'consumables'; property: string }
  /** Plays media by name and moves through it: the devices a skill with the `media` permission reaches. */
  | { kind: 'playback'; play: string; pause: string; next: string; previous: string; playMedia: string }
  | { kind: 'reading'; property: string; label: string; unit?: string; summary?: SummaryText }
  /** The attribute that says what the device is doing ("cleaning", "returning"): shown in the device's summary. */
  | { kind: 'status'; property: string; values: readonly string[] }
);

/**
 * How a numeric value reads in the device's one-line summary on the dashboard: `{}` stands for the value
 * ("speed {}%"); `whileOn`: only while the device is on. A capability without it is not in the summary.
 */
export interface SummaryText {
  text: string;
  whileOn?: boolean;
}

/** A button sending `command`; with `when`, offered only while the state's `property` is one of `in` (or, `notIn`, is not). */
export interface ActionButton {
  command: string;
  label: string;
  when?: { property: string; in?: readonly (string | boolean)[]; notIn?: readonly (string | boolean)[] };
}

/** What the smart-home skill does for an intent on a device of this type, and the words it says after doing it. */
export interface IntentAction {
  command(intent: Intent, device: Device): DeviceCommand | undefined;
  /** "Started", "Set to 45 percent:": followed by "the <device name>." (or "N devices."). */
  done(intent: Intent, device: Device): string;
  /** What the request left out and must be asked for before anything is sent ("change the lamp's colour"). */
  missing?(intent: Intent): MissingValue | undefined;
}

/**
 * A value the request named without saying it: the skill asks `question`, listens for `choices` while the question is
 * open (the voice side's answer grammar), and `read`s the answer into `slot`.
 */
export interface MissingValue {
  slot: string;
  question: string;
  choices: readonly string[];
  /** The value the answer says; undefined: the answer is no such value (then it is understood as a new request). */
  read(answer: string): SlotValue | undefined;
}

/** How the smart-home skill switches a device of this type "on" and "off" (HassTurnOn, HassTurnOff, HassToggle). */
export interface OnOffSpeech {
  /**
   * The command for "on"/"off", or a function of the request when it depends on it ("start the washer on eco");
   * absent: the type cannot do that ("turn off the scene").
   */
  on?: DeviceCommand | ((intent: Intent, device: Device) => DeviceCommand | undefined);
  off?: DeviceCommand | ((intent: Intent, device: Device) => DeviceCommand | undefined);
  /** "Turned on", "Opened", "Locked". */
  doneOn: string;
  doneOff: string;
}

export interface DeviceSpeech {
  /** Absent: the type has no on/off (sensors). */
  onOff?: OnOffSpeech;
  /** Whether "toggle" finds it on; absent: the skill's reading of `on`, `state` and `locked`. */
  isOn?(state: DeviceState): boolean;
  /** "The robot is on its dock, battery 80 percent."; absent or undefined: the skill's generic answer from the state. */
  describeState?(device: Device): string | undefined;
}

/**
 * Numbers and words a type's devices can act on, so the recogniser hears only those: a thermostat's setpoint range
 * narrows the `temperature` list; a cover's class ("blind", "garage") fills `cover_class`.
 */
export interface DeviceGrammar {
  /** List name → the range this device accepts (the grammar hears the union over the household's devices). */
  ranges?(device: Device): Readonly<Record<string, { from: number; to: number }>>;
  /** List name → this device's value (`out`), if any; a list a type declares here is empty without such devices. */
  values?: Readonly<Record<string, (device: Device) => string | undefined>>;
}

/** What the simulator needs from a type's folder: a fresh behavior per simulated device (see firmware-sim/core/behavior.ts). */
export interface SimulatorModule {
  behaviors: ReadonlyArray<() => unknown>;
  /**
   * The command (and params) that changes the most attributes: tests check the acknowledged state against `state`.
   * Absent only for types that take no commands (sensors).
   */
  exercise?: readonly [command: string, params?: Record<string, unknown>];
  /**
   * The kind a household device of this type and class gets (`hearth-sim household`); undefined: none fits.
   * Absent: the kind of that class, or without a class the first kind.
   */
  kindFor?(deviceClass: string | undefined): string | undefined;
}

export interface DeviceTypeDefinition {
  /** One line for docs and the dashboard, e.g. "Robot vacuums: start, stop, dock". */
  summary: string;
  capabilities: readonly Capability[];
  /** Commands a native device of this type takes, with their params; their names are the type's command vocabulary. */
  commands: CommandSchemas;
  /**
   * `true`: the hub serves native devices of the type with `commands`, `state` and `events` (no driver file needed).
   * Types without it have a driver in device-drivers/ or use the generic native one.
   */
  nativeDriver?: boolean;
  /** State attributes a native device reports; unknown attributes should be allowed (loose objects). */
  state?: z.ZodType<Record<string, unknown>>;
  /** Events a native device publishes, by type; types not listed are accepted as they are. */
  events?: Record<string, z.ZodType<Record<string, unknown>>>;
  speech?: DeviceSpeech;
  /** What the smart-home skill does per intent (beyond on/off) for this type. */
  intentActions?: Readonly<Record<string, IntentAction>>;
  /** Intents the type brings; the smart-home skill declares and handles them. */
  intents?: Readonly<Record<string, IntentDeclaration>>;
  /** Sentences the type adds to intents declared elsewhere: the words naming it and its classes ("open all the blinds"). */
  moreSentences?: Readonly<Record<string, readonly SentenceBlock[]>>;
  /**
   * Action words the type adds to intents declared elsewhere, read by the second stage for its devices only ("open"
   * switches covers and valves on, "out" turns lights off): `{HassTurnOff: ['unlock']}`.
   */
  moreCues?: Readonly<Record<string, readonly TypeCue[]>>;
  /**
   * Nouns people call the type's devices: the second stage of understanding reads them as class words ("the
   * blinds in the study, halfway"), and a free-text slot containing one is about the house, never a title
   * to play (hub/language/lexicon/free-text-en.ts), unless they are `alsoInTitles`.
   */
  words?: DeviceWords;
  /**
   * Commands that let someone into the house (device-types/sensitive-commands.ts): the built-in skills ask before
   * sending one, a skill needs `devices:unlock` for it, and a doubtful recognition of a request about such a device
   * is asked back.
   */
  sensitive?: SensitiveCommands;
  /**
   * Template words the type brings to every sentence of the lexicon (hub/language/lexicon/en.ts): rules
   * (`lights` → `<lights>`) and lists of said words and their values (`cover_class` → `{cover_class}`).
   */
  lexicon?: DeviceLexicon;
  /** Class words of other types that include this one: a valve answers "open the covers" (`['cover']`). */
  answersAs?: readonly string[];
  /** What the spoken grammar should hear for this type's devices (hub/language/grammar/device-slots.ts). */
  grammar?: DeviceGrammar;
  /** How the Home Assistant discovery driver maps the component of the same name, when the driver has no built-in mapping. */
  haDiscovery?: HaDiscoveryMapping;
  /** Loaded by the simulator only (the hub never imports simulator code). */
  simulator?: () => Promise<SimulatorModule>;
}

export function defineDeviceType(definition: DeviceTypeDefinition): DeviceTypeDefinition {
  return definition;
}

/** Which commands of a type open the house, for which of its devices. */
export interface SensitiveCommands {
  /** The devices that guard the house ("a garage door", not a blind); absent: every device of the type. */
  guards?(device: Device): boolean;
  /**
   * Command → the `skills.confirm` setting that asks about it (`unlockLocks`…); a function of the command when its
   * params decide ("set_position" above 0 opens, to 0 closes).
   */
  commands: Readonly<Record<string, SensitiveClass | ((command: DeviceCommand) => SensitiveClass | undefined)>>;
}

/** An action word a type adds to another intent: about this type's devices only, so it names no `domains`. */
export type TypeCue = string | Omit<Exclude<ActionCue, string>, 'domains'>;

export interface DeviceLexicon {
  rules?: Readonly<Record<string, string>>;
  lists?: Readonly<Record<string, ReadonlyArray<readonly [said: string, value: string]>>>;
}

/** The nouns for a type's devices, singular and plural. */
export interface DeviceWords {
  /** Any device of the type: "heater", "heaters". */
  type: readonly string[];
  /** A class of them, by Home Assistant's `device_class`: `{ shutter: ['shutter', 'shutters'] }`. */
  classes?: Readonly<Record<string, readonly string[]>>;
  /**
   * The words are common in titles of songs, shows and stations ("Light My Fire", "Big Fan"): a search for something
   * to play may contain them. Without it a free text containing one is about the house, never a title.
   */
  alsoInTitles?: boolean;
  /**
   * People call a device of the type by its name without the type word ("the gas" for Gas Valve, "the front lawn"
   * for Front Lawn Sprinkler): the understanding reads such a short form when it names one device and nothing else.
   */
  namedWithoutKind?: boolean;
}

/** The usual on/off words: `turn_on` / `turn_off`, "Turned on" / "Turned off". */
export const SWITCHED_ON_OFF: OnOffSpeech = {
  on: { command: 'turn_on' },
  off: { command: 'turn_off' },
  doneOn: 'Turned on',
  doneOff: 'Turned off',
};

/** An on/off capability on the `on` attribute with the usual commands. */
export const ON_OFF: Capability = { kind: 'on_off', property: 'on', on: 'turn_on', off: 'turn_off' };
