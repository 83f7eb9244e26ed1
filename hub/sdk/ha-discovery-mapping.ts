/**
 * How a device type maps a Home Assistant MQTT discovery component of the same name (device-drivers/ha-discovery
 * reads it for components it has no built-in mapping for). Keys are the discovery config's, abbreviations expanded.
 */
import type { DeviceState } from './devices.js';
import type { CommandSchemas } from './native-driver.js';

/** A discovery config after abbreviation expansion and the driver's common checks. */
export type DiscoveryFields = Readonly<Record<string, unknown>>;

export type Extracted = { ok: true; value: unknown } | { ok: false; reason: string };

export interface HaStateTopic {
  /** The config key holding the topic, e.g. `current_humidity_topic`. */
  topicKey: string;
  /** The config key of its value template, if the component has one (a function when it depends on the config). */
  templateKey?: string | ((config: DiscoveryFields) => string | undefined);
  /** The extracted value (trimmed text; `raw` as the template gave it) → state attributes, or why it is not understood. */
  parse(text: string, config: DiscoveryFields, raw: unknown): DeviceState | string;
}

/** One publish: the config key of the topic and the payload. */
export type HaSend = readonly [topicKey: string, payload: string];

export interface HaCommandPlan {
  send: readonly HaSend[];
  /** The state the device will report once it obeyed; the state topic echoing it acknowledges the command. */
  expected: DeviceState;
  /** The config key of the state topic that reports `expected`; without that topic the command is optimistic. */
  confirmedBy: string;
  /** When a reported state other than exactly `expected` also shows the command was obeyed (a robot "returning" after dock). */
  matches?(state: DeviceState): boolean;
  /** What the timeout message says was not reported ("locked"); default: `expected` as key=value pairs. */
  description?: string;
  /** The state assumed when no state topic confirms the command; default: `expected`. */
  optimistic?: DeviceState;
}

export interface HaDiscoveryMapping {
  /** Topic keys beyond the common ones (checked as topics without wildcards). */
  topicKeys: readonly string[];
  /** Value templates and command templates of the component (compiled and checked when the config arrives). */
  valueTemplateKeys?: readonly string[];
  commandTemplateKeys?: readonly string[];
  /** Why the config cannot work (a missing topic), or undefined. */
  required(config: DiscoveryFields): string | undefined;
  /** The device's capability features (see `Capability.feature`). */
  capabilities(config: DiscoveryFields): string[];
  /** Subscription role → its topic and how its payload becomes state. */
  stateTopics: Readonly<Record<string, HaStateTopic>>;
  /** The commands this config can carry out, with their params. */
  commands(config: DiscoveryFields): CommandSchemas;
  /**
   * The publishes for one command whose params passed its schema. `render(templateKey, value, position)` applies
   * the config's command template of that key (the value as text without one); `position` is the template's
   * `{{ position }}` (a cover's set_position_template).
   */
  plan(
    command: string,
    params: Record<string, unknown>,
    config: DiscoveryFields,
    state: DeviceState,
    render: (templateKey: string, value: unknown, position?: unknown) => string,
  ): HaCommandPlan | string;
}
