/**
 * How a skill declares an intent: its sentences, what it acts on and the slots of its frames, all in one place,
 * so adding an intent is one file and a missing piece is a type error. hub/language compiles the sentences and
 * resolves targets from `targets`; the skills runtime routes the intent to the skill that declared it.
 */
// The names only: list.ts loads no folder (every folder imports this SDK).
import { deviceTypeFolders } from '../../device-types/list.js';
import type { DeviceType } from './devices.js';
import type { SlotValue } from './intents.js';

/**
 * Where a slot's value comes from. The first three are the intent's own list (named `<skill>__<slot>` so two skills
 * may both declare `{product}`); `list` uses one of the hub's lexicon lists as is (`brightness`, `color`, `area`…,
 * hub/language/lexicon); `fixed` is set by a sentence block (`domain: light`) and never heard as such.
 */
export type SlotDeclaration =
  | { values: readonly string[] }
  | { range: { from: number; to: number } }
  | { wildcard: true }
  | { list: string }
  | { fixed: readonly SlotValue[] };

/** Sentences that share fixed slots (`{domain: 'light'}`) and a priority against other intents' sentences. */
export interface SentenceBlock {
  sentences: readonly string[];
  /** Slots every sentence of the block reports. */
  slots?: Readonly<Record<string, SlotValue>>;
  /** Wins ties against sentences of other intents that match the same words. */
  priority?: number;
  /**
   * `false`: understood when typed (or heard through a free-speech recogniser) but left out of the speech recogniser's
   * grammar, for many-ways-to-say-it blocks whose expansion would swamp a JSGF grammar; a spoken block beside it
   * says the common forms. Absent: in the grammar.
   */
  spoken?: boolean;
  /**
   * What the named target must be, without putting it in the frame (Home Assistant's `requires_context`): with
   * `{domain: 'lock'}` "lock <name>" fits only locks, and the recogniser only hears lock names there.
   */
  requires?: Readonly<Record<string, SlotValue>>;
}

/**
 * What an intent acts on. `none`: nothing in the house (a timer, a list, the time). Devices: the language service
 * resolves the target devices from the name, area, floor, domain and device_class slots.
 */
export type IntentTargets =
  | 'none'
  | {
      /** Device types the intent is about when the sentence names none ("set it to 50 percent" → lights); [] = any. */
      domains: readonly DeviceType[];
      /** A request naming no name, area or floor means the area of the satellite that heard it. */
      areaFromContext: boolean;
      /**
       * Device types a *named* target may be, when narrower than `domains` (Home Assistant's `name_domains`): "what is
       * the kitchen temperature" reads a thermometer too, but a named thermometer is asked with HassGetState.
       */
      nameDomains?: readonly DeviceType[];
    };

export interface IntentDeclaration {
  /** Sentence templates in Hearth's template language, alone or in blocks with fixed slots. */
  sentences: ReadonlyArray<string | SentenceBlock>;
  targets: IntentTargets;
  /**
   * Every slot the intent's frames may carry, the target slots (name, area, floor, domain, device_class) included:
   * Home Assistant's frames differ by intent (HassLightSet has no `domain`), and the second stage of understanding
   * builds frames from this.
   */
  slots?: Readonly<Record<string, SlotDeclaration>>;
  /** How the intent is recognised from the parts of a request when no sentence fits it word for word. */
  cues?: IntentCues;
}

/**
 * How the second stage of understanding recognises the intent when no sentence template fits: from the parts of a
 * request, said in any order ("the light in the hall, turn it off"). Without `cues` an intent is understood only by
 * its sentences.
 */
export interface IntentCues {
  /**
   * Words that say what to do ("turn on", "switch off", "dim"). The words of one phrase come in this order, but other
   * parts may stand between them ("turn the kitchen light on").
   */
  actions: readonly ActionCue[];
  /** The request must name what to act on: a device, a room or floor with a class word, or a class word. */
  needsTarget?: boolean;
  /** Words about the intent that are not an action ("the shopping list"): understood, but they do not say what to do. */
  topics?: readonly string[];
  /** One of the topics must be said ("remove milk" alone is not about the list). */
  needsTopic?: boolean;
  /** One of these slots must be filled (by a number, a colour, an action's slots…) for the frame to be complete. */
  needsOneOf?: readonly string[];
  /** A slot filled with the words nothing else explains ("play [the beatles]"); the action must be said. */
  freeText?: string;
  /** A request naming only a device of these types, and nothing to do, means this intent ("movie night" runs the scene). */
  bareNameOf?: readonly DeviceType[];
  /**
   * The cue words are the whole request ("oh forget it, it doesn't matter"): read only when nothing else is said,
   * and then sure of it (never mind, yes, no).
   */
  alone?: boolean;
  /** The intent answers a question ("is the door locked?"); only such intents read a request phrased as one. */
  answers?: boolean;
  /**
   * A duration said is how long it lasts, not when to do it nor a value ("pause the music for a minute", "hold the
   * timer a sec"): understood, and kept out of the frame (Home Assistant's pause frames have no duration).
   */
  forAWhile?: boolean;
}

export type ActionCue =
  | string
  | {
      words: string;
      /** How much the words say about this intent (1 when they name it outright; 0.5 for "set", "on"…). */
      weight?: number;
      /** Only when the target is a device of these types ("open" opens covers and valves). */
      domains?: readonly DeviceType[];
      /** Slots the words set ("louder" → volume_step: up). */
      slots?: Readonly<Record<string, SlotValue>>;
      /** The words also say what the request is about, as a topic does ("wake me at 7" needs no "alarm"). */
      isTopic?: boolean;
      /**
       * The words name a slot of `needsOneOf` without its value ("change the colour of the lamp"): the request is
       * whole without the value, and the skill that handles it asks for it ("Which colour?").
       */
      asksFor?: string;
      /** The words after them belong to them and change nothing ("talking to [my husband]", "meant for [the kids]"). */
      endsRequest?: boolean;
    };

/** Phrases that say equally much about the intent, written with their weight once: `...weighted(0.5, 'stop', 'off')`. */
export function weighted(weight: number, ...words: string[]): ActionCue[] {
  return words.map((w) => ({ words: w, weight }));
}

/** Checks a declaration's shape where it is written (`export const turnOn = defineIntent({...})`). */
export function defineIntent(declaration: IntentDeclaration): IntentDeclaration {
  return declaration;
}

/** Slot declarations of Home Assistant's target slots, from the hub's lexicon lists. */
export const TARGET_SLOTS = {
  name: { list: 'name' },
  area: { list: 'area' },
  floor: { list: 'floor' },
  /** Set by sentence blocks and by class words ("the lights" → light): the registered device types. */
  domain: { fixed: Object.keys(deviceTypeFolders) as DeviceType[] },
  /** Cover classes ("the blinds" → blind), Home Assistant's values. */
  device_class: { list: 'cover_class' },
} as const satisfies Record<string, SlotDeclaration>;
