/**
 * Home Assistant MQTT discovery: topics and config payloads.
 *   <prefix>/<component>/[<node_id>/]<object_id>/config   retained JSON config; an empty payload removes the entity.
 * Configs may use abbreviated keys and a base topic `~` (see abbreviations.ts).
 */
import { z } from 'zod';
import { describeIssues, DEVICE_ID_PATTERN } from '../../hub/sdk/index.js';
import { expandConfig } from './abbreviations.js';
import { compileCommandTemplate, compileValueTemplate } from './templates.js';
import { DEVICE_TYPES } from '../../device-types/index.js';
import { checkMapped, mappedComponents, mappingFor } from './mapped.js';
import type { DeviceType } from '../../hub/sdk/index.js';

export const DISCOVERY_PREFIX = 'homeassistant';
/** Filters that match every discovery config topic (with and without node id). */
export function discoveryFilters(prefix = DISCOVERY_PREFIX): string[] {
  return [`${prefix}/+/+/config`, `${prefix}/+/+/+/config`];
}

export interface DiscoveryTopic {
  component: string;
  nodeId?: string;
  objectId: string;
}

export function parseDiscoveryTopic(topic: string, prefix = DISCOVERY_PREFIX): DiscoveryTopic | undefined {
  const parts = topic.split('/');
  if (parts[0] !== prefix || parts[parts.length - 1] !== 'config') return undefined;
  if (parts.length === 4) return { component: parts[1] as string, objectId: parts[2] as string };
  if (parts.length === 5)
    return { component: parts[1] as string, nodeId: parts[2] as string, objectId: parts[3] as string };
  return undefined;
}

const topic = z
  .string()
  .min(1)
  .max(256)
  .refine((t) => !t.includes('+') && !t.includes('#'), 'must not contain wildcards');
const payload = z.union([z.string(), z.number(), z.boolean()]).transform(String);
const template = z.string().max(1000);

const availabilityEntry = z.looseObject({
  topic,
  payload_available: payload.optional(),
  payload_not_available: payload.optional(),
  value_template: template.optional(),
});

const deviceBlock = z.looseObject({
  identifiers: z.union([z.string(), z.array(z.string())]).optional(),
  name: z.string().max(200).optional(),
  manufacturer: z.string().max(200).optional(),
  model: z.string().max(200).optional(),
  suggested_area: z.string().max(100).optional(),
});

/** The fields Hearth reads, after abbreviation expansion. Unknown fields are kept. */
export const discoveryConfigSchema = z.looseObject({
  name: z.string().max(200).nullable().optional(),
  unique_id: z.string().min(1).max(200).optional(),
  object_id: z.string().max(200).optional(),
  device_class: z.string().max(64).optional(),
  device: deviceBlock.optional(),
  schema: z.enum(['default', 'basic', 'json', 'template']).optional(),
  command_topic: topic.optional(),
  state_topic: topic.optional(),
  availability_topic: topic.optional(),
  availability: z.array(availabilityEntry).max(10).optional(),
  payload_available: payload.optional(),
  payload_not_available: payload.optional(),
  json_attributes_topic: topic.optional(),
  brightness_command_topic: topic.optional(),
  brightness_state_topic: topic.optional(),
  brightness_scale: z.number().int().min(1).max(65535).optional(),
  brightness: z.boolean().optional(),
  supported_color_modes: z.array(z.string()).optional(),
  rgb_command_topic: topic.optional(),
  color_temp_command_topic: topic.optional(),
  percentage_command_topic: topic.optional(),
  percentage_state_topic: topic.optional(),
  speed_range_min: z.number().int().min(1).optional(),
  speed_range_max: z.number().int().min(1).optional(),
  position_topic: topic.optional(),
  set_position_topic: topic.optional(),
  position_open: z.number().optional(),
  position_closed: z.number().optional(),
  temperature_command_topic: topic.optional(),
  temperature_state_topic: topic.optional(),
  current_temperature_topic: topic.optional(),
  mode_command_topic: topic.optional(),
  mode_state_topic: topic.optional(),
  power_command_topic: topic.optional(),
  modes: z.array(z.string()).optional(),
  min_temp: z.number().optional(),
  max_temp: z.number().optional(),
  unit_of_measurement: z.string().max(32).optional(),
  payload_on: payload.optional(),
  payload_off: payload.optional(),
  state_on: payload.optional(),
  state_off: payload.optional(),
  payload_open: payload.nullable().optional(),
  payload_close: payload.nullable().optional(),
  payload_stop: payload.nullable().optional(),
  payload_lock: payload.optional(),
  payload_unlock: payload.optional(),
  payload_press: payload.optional(),
  retain: z.boolean().optional(),
  qos: z.union([z.literal(0), z.literal(1), z.literal(2)]).optional(),
});
export type DiscoveryConfig = z.infer<typeof discoveryConfigSchema>;

const TEMPLATE_KEYS = [
  'value_template',
  'state_value_template',
  'brightness_value_template',
  'percentage_value_template',
  'position_template',
  'temperature_state_template',
  'current_temperature_template',
  'mode_state_template',
  'availability_template',
] as const;
const COMMAND_TEMPLATE_KEYS = [
  'command_template',
  'set_position_template',
  'temperature_command_template',
  'mode_command_template',
  'percentage_command_template',
  'brightness_command_template',
] as const;

/** Turns a unique id or node/object id into a Hearth device id (lowercase, [a-z0-9_-], ≤ 64). */
export function toDeviceId(source: string): string {
  const slug = source
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '_')
    .replace(/^[_-]+/, '')
    .slice(0, 64);
  return DEVICE_ID_PATTERN.test(slug) ? slug : `ha_${slug}`.slice(0, 64);
}

export interface DiscoveredDevice {
  id: string;
  name: string;
  /** The component, a device type that maps it (device-types/<type>/ha-discovery.ts). */
  type: DeviceType;
  deviceClass?: string;
  capabilities: string[];
  /** The expanded config plus the discovery topic it came from. */
  driverConfig: Record<string, unknown> & { component: DeviceType; discovery_topic: string };
  suggestedArea?: string;
}

export type DiscoveryResult = { ok: true; device: DiscoveredDevice } | { ok: false; reason: string };

/** Validates one discovery config and describes the device it announces. */
export function interpretDiscoveryConfig(
  topicName: string,
  parsedTopic: DiscoveryTopic,
  raw: unknown,
): DiscoveryResult {
  const component = parsedTopic.component;
  const mapping = mappingFor(component);
  if (!mapping) {
    const supported = mappedComponents(DEVICE_TYPES);
    return { ok: false, reason: `component "${component}" is not supported (supported: ${supported.join(', ')})` };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { ok: false, reason: 'config must be a JSON object' };
  const expanded = expandConfig(raw as Record<string, unknown>);
  const parsed = discoveryConfigSchema.safeParse(expanded);
  if (!parsed.success) return { ok: false, reason: `invalid config: ${describeIssues(parsed.error)}` };
  const config = parsed.data;
  const type = component as DeviceType;
  const missing = checkMapped(mapping, config);
  if (missing) return { ok: false, reason: missing };
  for (const key of TEMPLATE_KEYS) {
    const t = (config as Record<string, unknown>)[key];
    if (t === undefined) continue;
    if (typeof t !== 'string') return { ok: false, reason: `${key} must be a string` };
    const compiled = compileValueTemplate(t);
    if (typeof compiled === 'string') return { ok: false, reason: `${key}: ${compiled}` };
  }
  for (const key of COMMAND_TEMPLATE_KEYS) {
    const t = (config as Record<string, unknown>)[key];
    if (t === undefined) continue;
    if (typeof t !== 'string') return { ok: false, reason: `${key} must be a string` };
    const compiled = compileCommandTemplate(t);
    if (typeof compiled === 'string') return { ok: false, reason: `${key}: ${compiled}` };
  }
  for (const [index, entry] of (config.availability ?? []).entries()) {
    if (entry.value_template === undefined) continue;
    const compiled = compileValueTemplate(entry.value_template);
    if (typeof compiled === 'string')
      return { ok: false, reason: `availability[${index}].value_template: ${compiled}` };
  }
  const idSource = config.unique_id ?? [parsedTopic.nodeId, parsedTopic.objectId].filter(Boolean).join('_');
  const name =
    (typeof config.name === 'string' && config.name.trim()) ||
    config.device?.name ||
    parsedTopic.objectId.replace(/[_-]+/g, ' ');
  const device: DiscoveredDevice = {
    id: toDeviceId(idSource),
    name: name.slice(0, 100),
    type,
    capabilities: mapping.capabilities(config),
    driverConfig: { ...config, component: type, discovery_topic: topicName },
  };
  if (config.device_class) device.deviceClass = config.device_class;
  if (config.device?.suggested_area) device.suggestedArea = config.device.suggested_area;
  return { ok: true, device };
}
