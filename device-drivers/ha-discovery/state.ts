/** How Home Assistant discovery topics become Hearth state attributes and availability. */
import type { DeviceState, DriverInput, DriverSubscription, ParseResult } from '../../hub/sdk/index.js';
import { pick, type CompiledConfig } from './config.js';
import { compileValueTemplate, type ValueTemplate } from './templates.js';
import { mappedTopicRoles, mappingFor, parseMapped } from './mapped.js';

const TOPIC_ROLES: [role: string, key: string][] = [
  ['state', 'state_topic'],
  ['brightness', 'brightness_state_topic'],
  ['attributes', 'json_attributes_topic'],
  ['availability', 'availability_topic'],
];

/** One subscription per distinct topic; roles sharing a topic are joined with ',' (zigbee2mqtt uses one topic for all). */
export function haSubscriptions(cfg: CompiledConfig): DriverSubscription[] {
  const byTopic = new Map<string, string[]>();
  const add = (topic: unknown, role: string) => {
    if (typeof topic !== 'string') return;
    byTopic.set(topic, [...(byTopic.get(topic) ?? []), role]);
  };
  const mapping = mappingFor(cfg.component);
  // A mapped component's type says what its topics mean; only attributes and availability are common.
  const common = mapping
    ? TOPIC_ROLES.filter(([role]) => role === 'attributes' || role === 'availability')
    : TOPIC_ROLES;
  for (const [role, key] of common) add((cfg.c as Record<string, unknown>)[key], role);
  if (mapping) for (const [role, topic] of mappedTopicRoles(mapping, cfg.c)) add(topic, role);
  cfg.c.availability?.forEach((entry, index) => add(entry.topic, `availability:${index}`));
  return [...byTopic].map(([topic, roles]) => ({ topic, role: roles.join(',') }));
}

type RoleResult = { input?: DriverInput; reason?: string };

export function haParse(cfg: CompiledConfig, roles: string, payload: string): ParseResult {
  const inputs: DriverInput[] = [];
  const reasons: string[] = [];
  const patch: DeviceState = {};
  for (const role of roles.split(',')) {
    const result = parseRole(cfg, role, payload);
    if (result.reason) reasons.push(`${role}: ${result.reason}`);
    if (result.input?.kind === 'state') Object.assign(patch, result.input.patch);
    else if (result.input) inputs.push(result.input);
  }
  if (Object.keys(patch).length) inputs.unshift({ kind: 'state', patch });
  // A shared JSON topic often lacks some keys; only a message that yields nothing at all is rejected.
  if (!inputs.length && reasons.length) return { ok: false, reason: reasons.join('; ') };
  return { ok: true, inputs };
}

function parseRole(cfg: CompiledConfig, role: string, payload: string): RoleResult {
  const c = cfg.c;
  if (role === 'availability' || role.startsWith('availability:')) {
    const entry = role === 'availability' ? undefined : c.availability?.[Number(role.split(':')[1])];
    const extracted = entry
      ? entryTemplate(entry.value_template)(payload)
      : cfg.value('availability_template')(payload);
    if (!extracted.ok) return { reason: extracted.reason };
    const value = String(extracted.value).trim();
    const online = String(entry?.payload_available ?? pick(c, 'payload_available'));
    const offline = String(entry?.payload_not_available ?? pick(c, 'payload_not_available'));
    const mode = availabilityMode(c);
    if (value === online) return { input: { kind: 'availability', available: true, channel: role, mode } };
    if (value === offline) return { input: { kind: 'availability', available: false, channel: role, mode } };
    return { reason: `availability payload "${value.slice(0, 40)}" is neither "${online}" nor "${offline}"` };
  }
  if (role === 'attributes') {
    try {
      const value: unknown = JSON.parse(payload);
      if (typeof value !== 'object' || value === null || Array.isArray(value))
        return { reason: 'attributes must be a JSON object' };
      return state({ attributes: value });
    } catch {
      return { reason: 'attributes payload is not valid JSON' };
    }
  }
  const mapping = mappingFor(cfg.component);
  if (mapping) return parseMapped(cfg, mapping, role, payload) ?? { reason: `unknown role "${role}"` };
  if (role === 'state' && cfg.component === 'light' && c.schema === 'json') return jsonLightState(cfg, payload);
  const templateKey: Record<string, string> = {
    state: cfg.component === 'light' ? 'state_value_template' : 'value_template',
    brightness: 'brightness_value_template',
  };
  const key = templateKey[role];
  if (!key) return { reason: `unknown role "${role}"` };
  let extracted = cfg.value(key)(payload);
  // HA lights fall back to value_template when no state_value_template is given.
  if (role === 'state' && cfg.component === 'light' && !('state_value_template' in c))
    extracted = cfg.value('value_template')(payload);
  if (!extracted.ok) return { reason: extracted.reason };
  const text = String(extracted.value).trim();
  switch (role) {
    case 'state':
      return componentState(cfg, text);
    case 'brightness':
      return numeric(text, (n) => state({ brightness: Math.round((n / Number(pick(c, 'brightness_scale'))) * 100) }));
  }
  return { reason: `unknown role "${role}"` };
}

function state(patch: DeviceState): RoleResult {
  return { input: { kind: 'state', patch } };
}

function numeric(text: string, fn: (n: number) => RoleResult): RoleResult {
  const n = Number(text);
  if (text === '' || !Number.isFinite(n)) return { reason: `expected a number, got "${text.slice(0, 40)}"` };
  return fn(n);
}

function componentState(cfg: CompiledConfig, text: string): RoleResult {
  const c = cfg.c;
  switch (cfg.component) {
    case 'light': {
      const on = String(c.state_on ?? pick(c, 'payload_on'));
      const off = String(c.state_off ?? pick(c, 'payload_off'));
      if (text === on) return state({ on: true });
      if (text === off) return state({ on: false });
      return { reason: `state "${text.slice(0, 40)}" is neither "${on}" nor "${off}"` };
    }
    default:
      return { reason: `component "${cfg.component}" has no state mapping` };
  }
}

/** JSON-schema lights report {"state":"ON","brightness":128,"color":{"r":..},"color_temp":370}. */
function jsonLightState(cfg: CompiledConfig, payload: string): RoleResult {
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return { reason: 'payload is not valid JSON (json-schema light)' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { reason: 'json light state must be an object' };
  const v = value as Record<string, unknown>;
  const patch: DeviceState = {};
  if (v.state === 'ON' || v.state === 'OFF') patch.on = v.state === 'ON';
  else if (v.state !== undefined) return { reason: 'json light "state" must be "ON" or "OFF"' };
  if (typeof v.brightness === 'number')
    patch.brightness = Math.round((v.brightness / Number(pick(cfg.c, 'brightness_scale'))) * 100);
  if (typeof v.color_temp === 'number' && v.color_temp > 0)
    patch.color_temp_kelvin = Math.round(1_000_000 / v.color_temp);
  const color = v.color as Record<string, unknown> | undefined;
  if (color && typeof color.r === 'number' && typeof color.g === 'number' && typeof color.b === 'number') {
    patch.color =
      '#' +
      [color.r, color.g, color.b]
        .map((x) =>
          Math.max(0, Math.min(255, Math.round(x as number)))
            .toString(16)
            .padStart(2, '0'),
        )
        .join('');
  }
  if (!Object.keys(patch).length) return { reason: 'json light state carries no known attribute' };
  return state(patch);
}

const entryTemplates = new Map<string, ValueTemplate>();
function entryTemplate(template: string | undefined): ValueTemplate {
  const key = template ?? '';
  let t = entryTemplates.get(key);
  if (!t) {
    const compiled = compileValueTemplate(template);
    t = typeof compiled === 'string' ? () => ({ ok: false, reason: compiled }) : compiled;
    if (entryTemplates.size < 1000) entryTemplates.set(key, t);
  }
  return t;
}

/** availability_mode of the discovery format: all topics online, any online, or the latest message decides. */
function availabilityMode(c: CompiledConfig['c']): 'all' | 'any' | 'latest' {
  const mode = (c as Record<string, unknown>).availability_mode;
  return mode === 'all' || mode === 'any' ? mode : 'latest';
}
