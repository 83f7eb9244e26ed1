/**
 * Home Assistant's MQTT `light` component, default and JSON schema (the template schema is refused): on/off on
 * `command_topic`, brightness scaled by `brightness_scale` (255 by default), colour on `rgb_command_topic` or in the
 * JSON body, colour temperature as mireds in the JSON body.
 */
import { z } from 'zod';
import type { DeviceState, DiscoveryFields, HaDiscoveryMapping } from '../../hub/sdk/index.js';
import { haText, ON_OFF_COMMANDS, onOffStateTopic } from '../shared/ha-discovery.js';
import { COLOUR_RGB } from './colours.js';

const color = z
  .string()
  .transform(
    (s) =>
      COLOUR_RGB[
        s
          .trim()
          .toLowerCase()
          .replace(/[\s_]+/g, ' ')
      ] ?? s.trim().toLowerCase(),
  )
  .refine((s) => /^#[0-9a-f]{6}$/.test(s), 'must be #rrggbb or a basic color name');
const COLOR_MODES = ['rgb', 'rgbw', 'rgbww', 'hs', 'xy'];

const scaleOf = (c: DiscoveryFields) => (typeof c.brightness_scale === 'number' ? c.brightness_scale : 255);
const json = (c: DiscoveryFields) => c.schema === 'json';
const onOffState = onOffStateTopic('state_value_template');

function hexToRgb(hex: string): { r: number; g: number; b: number } {
  const n = Number.parseInt(hex.slice(1), 16);
  return { r: (n >> 16) & 255, g: (n >> 8) & 255, b: n & 255 };
}

/** JSON-schema lights report {"state":"ON","brightness":128,"color":{"r":..},"color_temp":370}. */
function jsonState(payload: string, c: DiscoveryFields): DeviceState | string {
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return 'payload is not valid JSON (json-schema light)';
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'json light state must be an object';
  const v = value as Record<string, unknown>;
  const patch: DeviceState = {};
  if (v.state === 'ON' || v.state === 'OFF') patch.on = v.state === 'ON';
  else if (v.state !== undefined) return 'json light "state" must be "ON" or "OFF"';
  if (typeof v.brightness === 'number') patch.brightness = Math.round((v.brightness / scaleOf(c)) * 100);
  if (typeof v.color_temp === 'number' && v.color_temp > 0)
    patch.color_temp_kelvin = Math.round(1_000_000 / v.color_temp);
  const rgb = v.color as Record<string, unknown> | undefined;
  if (rgb && typeof rgb.r === 'number' && typeof rgb.g === 'number' && typeof rgb.b === 'number') {
    patch.color = `#${[rgb.r, rgb.g, rgb.b]
      .map((x) =>
        Math.max(0, Math.min(255, Math.round(x as number)))
          .toString(16)
          .padStart(2, '0'),
      )
      .join('')}`;
  }
  return Object.keys(patch).length ? patch : 'json light state carries no known attribute';
}

export const lightDiscovery: HaDiscoveryMapping = {
  topicKeys: [],
  required: (c) =>
    !c.command_topic
      ? 'a light needs command_topic'
      : c.schema === 'template'
        ? 'template-schema lights are not supported; announce the light with the default or json schema'
        : undefined,
  capabilities(c) {
    const modes = Array.isArray(c.supported_color_modes)
      ? c.supported_color_modes.filter((m): m is string => typeof m === 'string')
      : [];
    return [
      'on_off',
      ...(c.brightness_command_topic || c.brightness || modes.some((m) => m !== 'onoff') ? ['brightness'] : []),
      ...(c.rgb_command_topic || modes.some((m) => COLOR_MODES.includes(m)) ? ['color'] : []),
      ...(c.color_temp_command_topic || modes.includes('color_temp') ? ['color_temp'] : []),
    ];
  },
  stateTopics: {
    state: {
      topicKey: 'state_topic',
      // The JSON schema reads the whole payload; Home Assistant lights fall back to value_template.
      templateKey: (c) =>
        json(c) ? undefined : 'state_value_template' in c ? 'state_value_template' : 'value_template',
      parse: (t, c, raw) => (json(c) ? jsonState(String(raw), c) : onOffState.parse(t, c, raw)),
    },
    brightness: {
      topicKey: 'brightness_state_topic',
      templateKey: 'brightness_value_template',
      parse(t, c) {
        const n = Number(t);
        return t !== '' && Number.isFinite(n)
          ? { brightness: Math.round((n / scaleOf(c)) * 100) }
          : `expected a number, got "${t.slice(0, 40)}"`;
      },
    },
  },
  commands: () => ({
    ...ON_OFF_COMMANDS,
    turn_on: z.strictObject({
      brightness: z.number().min(0).max(100).optional(),
      color: color.optional(),
      color_temp_kelvin: z.number().int().min(1000).max(12000).optional(),
    }),
  }),
  plan(command, p, c, state, render) {
    const on = command === 'turn_on' || (command === 'toggle' && state.on !== true);
    const expected: DeviceState = { on };
    const scale = scaleOf(c);
    const brightness = on && typeof p.brightness === 'number' ? p.brightness : undefined;
    if (brightness !== undefined) expected.brightness = brightness;
    if (json(c)) {
      const body: Record<string, unknown> = { state: on ? 'ON' : 'OFF' };
      if (brightness !== undefined) body.brightness = Math.round((brightness / 100) * scale);
      if (on && typeof p.color === 'string') body.color = hexToRgb(p.color);
      if (on && typeof p.color_temp_kelvin === 'number') body.color_temp = Math.round(1_000_000 / p.color_temp_kelvin);
      return { send: [['command_topic', JSON.stringify(body)]], expected, confirmedBy: 'state_topic' };
    }
    const onlyBrightness = c.on_command_type === 'brightness' && brightness !== undefined;
    const send: [string, string][] = [];
    if (!onlyBrightness)
      send.push([
        'command_topic',
        render('command_template', on ? haText(c, 'payload_on', 'ON') : haText(c, 'payload_off', 'OFF')),
      ]);
    if (brightness !== undefined)
      send.push([
        'brightness_command_topic',
        render('brightness_command_template', Math.round((brightness / 100) * scale)),
      ]);
    if (on && typeof p.color === 'string' && c.rgb_command_topic) {
      const { r, g, b } = hexToRgb(p.color);
      send.push(['rgb_command_topic', `${r},${g},${b}`]);
    }
    return {
      send,
      // Without a brightness state topic only on/off can be confirmed.
      expected: c.brightness_state_topic ? expected : { on },
      confirmedBy: 'state_topic',
      optimistic: expected,
    };
  },
};
