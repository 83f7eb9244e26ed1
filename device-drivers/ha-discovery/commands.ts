/**
 * Hearth commands → Home Assistant discovery publishes. Discovery devices send no ack: the
 * acknowledgement is the state topic reporting the commanded value, or, with no state topic,
 * the command is optimistic (done once published), as Home Assistant itself treats such entities.
 */
import { z } from 'zod';
import {
  invalidParams,
  unsupportedCommand,
  type AckExpectation,
  type CommandPlan,
  type DeviceCommand,
  type DeviceState,
  type DriverDevice,
  type Publish,
} from '../../hub/sdk/index.js';
import { pick, type CompiledConfig } from './config.js';
import { mappedCommand, mappingFor } from './mapped.js';

const percent = z.number().min(0).max(100);
const none = z.strictObject({});
const NAMED_COLORS: Record<string, string> = {
  red: '#ff0000',
  green: '#00ff00',
  blue: '#0000ff',
  white: '#ffffff',
  warm_white: '#ffd8a8',
  yellow: '#ffff00',
  orange: '#ffa500',
  purple: '#800080',
  pink: '#ffc0cb',
  cyan: '#00ffff',
};
const color = z
  .string()
  .transform((s) => NAMED_COLORS[s.trim().toLowerCase().replace(/\s+/g, '_')] ?? s.trim().toLowerCase())
  .refine((s) => /^#[0-9a-f]{6}$/.test(s), 'must be #rrggbb or a basic color name');

const SCHEMAS: Record<string, Record<string, z.ZodType<Record<string, unknown>>>> = {
  light: {
    turn_on: z.strictObject({
      brightness: percent.optional(),
      color: color.optional(),
      color_temp_kelvin: z.number().int().min(1000).max(12000).optional(),
    }),
    turn_off: none,
    toggle: none,
  },
};

/** Which commands this device's config can carry out. */
function available(cfg: CompiledConfig): Record<string, z.ZodType<Record<string, unknown>>> {
  return SCHEMAS[cfg.component] ?? {};
}

export function haCommand(cfg: CompiledConfig, device: DriverDevice, command: DeviceCommand): CommandPlan {
  const mapping = mappingFor(cfg.component);
  if (mapping) return mappedCommand(cfg, mapping, device, command);
  const schemas = available(cfg);
  const schema = schemas[command.command];
  if (!schema) throw unsupportedCommand(device, command.command, Object.keys(schemas));
  const parsed = schema.safeParse(command.params ?? {});
  if (!parsed.success) throw invalidParams(device, command.command, parsed.error);
  return plan(cfg, device, command.command, parsed.data);
}

function plan(cfg: CompiledConfig, device: DriverDevice, name: string, p: Record<string, unknown>): CommandPlan {
  const c = cfg.c;
  const publishes: Publish[] = [];
  const send = (topic: string | undefined, payload: string) => {
    if (topic) publishes.push({ topic, payload, qos: c.qos ? 1 : 0, retain: c.retain ?? false });
  };
  const cmd = (key: string, value: unknown) => cfg.command(key)({ value });
  const isOn = device.state.on === true;
  const turnOn = name === 'turn_on' || (name === 'toggle' && !isOn);

  switch (cfg.component) {
    case 'light': {
      if (name !== 'turn_on' && name !== 'turn_off' && name !== 'toggle') break;
      const expected: DeviceState = { on: turnOn };
      const scale = Number(pick(c, 'brightness_scale'));
      const brightness = turnOn && typeof p.brightness === 'number' ? p.brightness : undefined;
      if (brightness !== undefined) expected.brightness = brightness;
      if (c.schema === 'json') {
        const body: Record<string, unknown> = { state: turnOn ? 'ON' : 'OFF' };
        if (brightness !== undefined) body.brightness = Math.round((brightness / 100) * scale);
        if (turnOn && typeof p.color === 'string') body.color = hexToRgb(p.color);
        if (turnOn && typeof p.color_temp_kelvin === 'number')
          body.color_temp = Math.round(1_000_000 / p.color_temp_kelvin);
        send(c.command_topic, JSON.stringify(body));
        return { publishes, ack: stateAck(c.state_topic, expected) };
      }
      const onlyBrightness =
        (c as Record<string, unknown>).on_command_type === 'brightness' && brightness !== undefined;
      if (!onlyBrightness)
        send(c.command_topic, cmd('command_template', turnOn ? pick(c, 'payload_on') : pick(c, 'payload_off')));
      if (brightness !== undefined) {
        send(
          c.brightness_command_topic,
          cfg.command('brightness_command_template')({ value: Math.round((brightness / 100) * scale) }),
        );
      }
      if (turnOn && typeof p.color === 'string' && c.rgb_command_topic) {
        const { r, g, b } = hexToRgb(p.color);
        send(c.rgb_command_topic, `${r},${g},${b}`);
      }
      const ackExpected = c.brightness_state_topic ? expected : { on: turnOn };
      return { publishes, ack: stateAck(c.state_topic, ackExpected, expected) };
    }
    default:
      break;
  }
  throw unsupportedCommand(device, name, Object.keys(available(cfg)));
}

/** Acknowledged when the reported state has every expected value (or optimistic without a state topic). */
function stateAck(
  stateTopic: string | undefined,
  expected: DeviceState,
  optimistic: DeviceState = expected,
): AckExpectation {
  if (!stateTopic) return { kind: 'optimistic', state: optimistic };
  const description = Object.entries(expected)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(', ');
  return {
    kind: 'state',
    description,
    matches: (s) =>
      Object.entries(expected).every(([k, v]) =>
        typeof v === 'number' && typeof s[k] === 'number' ? Math.abs((s[k] as number) - v) <= 1 : s[k] === v,
      ),
  };
}

function hexToRgb(hex: string): { r: number; g: number; b: number } {
  const n = Number.parseInt(hex.slice(1), 16);
  return { r: (n >> 16) & 255, g: (n >> 8) & 255, b: n & 255 };
}
