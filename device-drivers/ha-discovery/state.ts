/** How Home Assistant discovery topics become Hearth state attributes and availability. */
import type { DeviceState, DriverInput, DriverSubscription, ParseResult } from '../../hub/sdk/index.js';
import { pick, type CompiledConfig } from './config.js';
import { compileValueTemplate, type ValueTemplate } from './templates.js';
import { mappedTopicRoles, mappingFor, parseMapped } from './mapped.js';

/** The topics every component has; what the others mean comes from the component's type (`haDiscovery`). */
const COMMON_ROLES: [role: string, key: string][] = [
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
  for (const [role, key] of COMMON_ROLES) add((cfg.c as Record<string, unknown>)[key], role);
  const mapping = mappingFor(cfg.component);
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
  if (!mapping) return { reason: `component "${cfg.component}" has no state mapping` };
  return parseMapped(cfg, mapping, role, payload) ?? { reason: `unknown role "${role}"` };
}

function state(patch: DeviceState): RoleResult {
  return { input: { kind: 'state', patch } };
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
