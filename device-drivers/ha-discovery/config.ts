import { discoveryConfigSchema, type DiscoveryConfig } from './protocol.js';
import { compileCommandTemplate, compileValueTemplate, type CommandTemplate, type ValueTemplate } from './templates.js';
import { mappingFor } from './mapped.js';

/** A device's discovery config, validated once and with its templates compiled. */
export interface CompiledConfig {
  /** A component some device type maps (see `mappingFor`). */
  component: string;
  c: DiscoveryConfig;
  value(key: string): ValueTemplate;
  command(key: string): CommandTemplate;
}

const cache = new WeakMap<object, CompiledConfig | string>();

/** Returns the compiled config, or a reason why the stored driverConfig is unusable. */
export function compiledConfig(driverConfig: Record<string, unknown> | undefined): CompiledConfig | string {
  if (!driverConfig) return 'the device has no discovery config';
  const hit = cache.get(driverConfig);
  if (hit) return hit;
  const result = compile(driverConfig);
  cache.set(driverConfig, result);
  return result;
}

function compile(driverConfig: Record<string, unknown>): CompiledConfig | string {
  const component = driverConfig.component;
  if (typeof component !== 'string' || !mappingFor(component)) {
    return 'the discovery config has no supported component';
  }
  const parsed = discoveryConfigSchema.safeParse(driverConfig);
  if (!parsed.success) return 'the discovery config is invalid';
  const raw = parsed.data as Record<string, unknown>;
  const values = new Map<string, ValueTemplate>();
  const commands = new Map<string, CommandTemplate>();
  return {
    component,
    c: parsed.data,
    value(key) {
      let t = values.get(key);
      if (!t) {
        const compiled = compileValueTemplate(typeof raw[key] === 'string' ? (raw[key] as string) : undefined);
        t = typeof compiled === 'string' ? () => ({ ok: false, reason: compiled }) : compiled;
        values.set(key, t);
      }
      return t;
    },
    command(key) {
      let t = commands.get(key);
      if (!t) {
        const compiled = compileCommandTemplate(typeof raw[key] === 'string' ? (raw[key] as string) : undefined);
        t = typeof compiled === 'string' ? () => '' : compiled;
        commands.set(key, t);
      }
      return t;
    },
  };
}

/** Default payloads of the discovery format, per field. */
export const defaults = {
  payload_on: 'ON',
  payload_off: 'OFF',
  payload_open: 'OPEN',
  payload_close: 'CLOSE',
  payload_stop: 'STOP',
  payload_lock: 'LOCK',
  payload_unlock: 'UNLOCK',
  payload_press: 'PRESS',
  payload_available: 'online',
  payload_not_available: 'offline',
  state_open: 'open',
  state_opening: 'opening',
  state_closed: 'closed',
  state_closing: 'closing',
  state_stopped: 'stopped',
  state_locked: 'LOCKED',
  state_unlocked: 'UNLOCKED',
  state_locking: 'LOCKING',
  state_unlocking: 'UNLOCKING',
  state_jammed: 'JAMMED',
  brightness_scale: 255,
  position_open: 100,
  position_closed: 0,
  speed_range_min: 1,
  speed_range_max: 100,
} as const;

export function pick<K extends keyof typeof defaults>(
  cfg: DiscoveryConfig,
  key: K,
): (typeof defaults)[K] | string | number {
  const v = (cfg as Record<string, unknown>)[key];
  return v === undefined || v === null ? defaults[key] : (v as string | number);
}
