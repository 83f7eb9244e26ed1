/**
 * Every discovery component is mapped by the device type of the same name
 * (device-types/<component>/ha-discovery.ts, `HaDiscoveryMapping`): validation, subscriptions, state and commands.
 */
import { z } from 'zod';
import {
  invalidParams,
  unsupportedCommand,
  type AckExpectation,
  type CommandPlan,
  type DeviceCommand,
  type DeviceTypeDefinition,
  type DriverDevice,
  type DriverInput,
  type HaDiscoveryMapping,
  type Publish,
} from '../../hub/sdk/index.js';
import { deviceTypeOf } from '../../device-types/index.js';
import type { CompiledConfig } from './config.js';
import { compileCommandTemplate, compileValueTemplate } from './templates.js';

const topic = z
  .string()
  .min(1)
  .max(256)
  .refine((t) => !t.includes('+') && !t.includes('#'), 'must not contain wildcards');

/** The mapping of a component some device type brings, or undefined. */
export function mappingFor(component: string): HaDiscoveryMapping | undefined {
  return (deviceTypeOf(component) as DeviceTypeDefinition | undefined)?.haDiscovery;
}

/** Components device types map, for the "supported:" list. */
export function mappedComponents(names: readonly string[]): string[] {
  return names.filter((n) => mappingFor(n));
}

/** Why a config for this mapping is unusable (a bad topic or template, a missing topic), or undefined. */
export function checkMapped(mapping: HaDiscoveryMapping, config: Record<string, unknown>): string | undefined {
  for (const key of mapping.topicKeys) {
    if (config[key] === undefined) continue;
    const parsed = topic.safeParse(config[key]);
    if (!parsed.success) return `${key} ${parsed.error.issues[0]?.message ?? 'is not a topic'}`;
  }
  for (const [keys, compile] of [
    [mapping.valueTemplateKeys, compileValueTemplate],
    [mapping.commandTemplateKeys, compileCommandTemplate],
  ] as const) {
    for (const key of keys ?? []) {
      const t = config[key];
      if (t === undefined) continue;
      if (typeof t !== 'string') return `${key} must be a string`;
      const compiled = compile(t);
      if (typeof compiled === 'string') return `${key}: ${compiled}`;
    }
  }
  return mapping.required(config);
}

/** `<role>` → the mapping's state topic of that role. */
export function mappedTopicRoles(
  mapping: HaDiscoveryMapping,
  config: Record<string, unknown>,
): [role: string, topic: string][] {
  return Object.entries(mapping.stateTopics).flatMap(([role, t]) =>
    typeof config[t.topicKey] === 'string' ? [[role, config[t.topicKey] as string] as [string, string]] : [],
  );
}

export function parseMapped(
  cfg: CompiledConfig,
  mapping: HaDiscoveryMapping,
  role: string,
  payload: string,
): { input?: DriverInput; reason?: string } | undefined {
  const spec = mapping.stateTopics[role];
  if (!spec) return undefined;
  const key = typeof spec.templateKey === 'function' ? spec.templateKey(cfg.c) : spec.templateKey;
  // Without a template key the value is the payload as it came.
  const extracted = cfg.value(key ?? '')(payload);
  if (!extracted.ok) return { reason: extracted.reason };
  const result = spec.parse(String(extracted.value).trim(), cfg.c, extracted.value);
  return typeof result === 'string' ? { reason: result } : { input: { kind: 'state', patch: result } };
}

export function mappedCommand(
  cfg: CompiledConfig,
  mapping: HaDiscoveryMapping,
  device: DriverDevice,
  command: DeviceCommand,
): CommandPlan {
  const config = cfg.c as Record<string, unknown>;
  const schemas = mapping.commands(config);
  const schema = schemas[command.command];
  if (!schema) throw unsupportedCommand(device, command.command, Object.keys(schemas));
  const parsed = schema.safeParse(command.params ?? {});
  if (!parsed.success) throw invalidParams(device, command.command, parsed.error);
  const render = (key: string, value: unknown, position?: unknown) =>
    typeof config[key] === 'string'
      ? cfg.command(key)(position === undefined ? { value } : { value, position })
      : String(value);
  const plan = mapping.plan(command.command, parsed.data, config, device.state, render);
  if (typeof plan === 'string') throw unsupportedCommand(device, command.command, Object.keys(schemas));
  const publishes: Publish[] = plan.send.flatMap(([key, payload]) =>
    typeof config[key] === 'string'
      ? [
          {
            topic: config[key] as string,
            payload,
            qos: config.qos ? 1 : 0,
            retain: config.retain === true,
          } satisfies Publish,
        ]
      : [],
  );
  const stateTopic = config[plan.confirmedBy];
  const description =
    plan.description ??
    Object.entries(plan.expected)
      .map(([k, v]) => `${k}=${String(v)}`)
      .join(', ');
  const matches =
    plan.matches ??
    ((s) =>
      Object.entries(plan.expected).every(([k, v]) =>
        typeof v === 'number' && typeof s[k] === 'number' ? Math.abs((s[k] as number) - v) <= 1 : s[k] === v,
      ));
  const ack: AckExpectation =
    typeof stateTopic === 'string'
      ? { kind: 'state', description, matches }
      : { kind: 'optimistic', state: plan.optimistic ?? plan.expected };
  return { publishes, ack };
}
