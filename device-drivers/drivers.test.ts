import { describe, expect, it } from 'vitest';
import type { DeviceCommand, DeviceType, DriverDevice } from '../hub/sdk/index.js';
import { builtInDrivers } from './index.js';

function device(type: DeviceType, extra: Partial<DriverDevice> = {}): DriverDevice {
  return { id: `${type}-1`, name: `Test ${type}`, type, capabilities: [], state: {}, available: true, ...extra };
}

function driverFor(d: DriverDevice, protocol = 'hearth') {
  const driver = builtInDrivers.find((x) => x.protocol === protocol && x.handles(d));
  if (!driver) throw new Error(`no driver for ${d.type}`);
  return driver;
}

function plan(d: DriverDevice, command: DeviceCommand) {
  return driverFor(d).command(d, command, 'corr-1');
}

function message(payload: string | object) {
  return {
    topic: 't',
    retain: false,
    payload: Buffer.from(typeof payload === 'string' ? payload : JSON.stringify(payload)),
  };
}

describe('native drivers pick by type and validate params per type', () => {
  it("chooses the type's own driver (its folder declares nativeDriver) before the generic one", () => {
    expect(driverFor(device('light')).name).toBe('light');
    expect(driverFor(device('switch')).name).toBe('switch');
    expect(driverFor(device('vehicle')).name).toBe('vehicle');
    expect(driverFor(device('fan')).name).toBe('native');
  });

  const accepted: [DeviceType, DeviceCommand][] = [
    ['light', { command: 'turn_on', params: { brightness: 30, color: 'warm white', color_temp_kelvin: 2700 } }],
    ['switch', { command: 'toggle' }],
    ['climate', { command: 'set_temperature', params: { temperature: 21.5 } }],
    ['climate', { command: 'set_hvac_mode', params: { hvac_mode: 'heat' } }],
    ['lock', { command: 'unlock', params: { code: '1234' } }],
    ['cover', { command: 'set_position', params: { position: 25 } }],
    ['media_player', { command: 'play_media', params: { search_query: 'jazz' } }],
    ['media_player', { command: 'set_volume', params: { volume_level: 35 } }],
    ['vehicle', { command: 'climate_on', params: { temperature: 21 } }],
    ['vehicle', { command: 'engine_start' }],
    ['appliance', { command: 'start_program', params: { program: 'eco' } }],
    ['fan', { command: 'set_percentage', params: { percentage: 40 } }],
  ];
  it.each(accepted)('%s accepts %j and publishes it on the set topic with the correlation id', (type, command) => {
    const d = device(type);
    const p = plan(d, command);
    expect(p.ack).toEqual({ kind: 'correlation' });
    expect(p.publishes).toHaveLength(1);
    expect(p.publishes[0]!.topic).toBe(`hearth/${d.id}/set`);
    expect(JSON.parse(p.publishes[0]!.payload)).toEqual({ id: 'corr-1', ...command });
  });

  const refused: [DeviceType, DeviceCommand, string, RegExp][] = [
    ['light', { command: 'turn_on', params: { brightness: 101 } }, 'VALIDATION_FAILED', /brightness/],
    ['switch', { command: 'turn_on', params: { brightness: 50 } }, 'VALIDATION_FAILED', /brightness|Unrecognized/i],
    ['climate', { command: 'set_temperature', params: {} }, 'VALIDATION_FAILED', /temperature/],
    ['climate', { command: 'set_hvac_mode', params: { hvac_mode: 'party' } }, 'VALIDATION_FAILED', /hvac_mode/],
    ['lock', { command: 'unlock', params: { code: 'abc' } }, 'VALIDATION_FAILED', /4 to 8 digits/],
    ['lock', { command: 'open' }, 'UNSUPPORTED_COMMAND', /lock, unlock/],
    ['cover', { command: 'set_position', params: { position: -1 } }, 'VALIDATION_FAILED', /position/],
    ['media_player', { command: 'play_media', params: {} }, 'VALIDATION_FAILED', /search_query/],
    ['vehicle', { command: 'set_temperature', params: { temperature: 45 } }, 'VALIDATION_FAILED', /temperature/],
    ['vehicle', { command: 'fly' }, 'UNSUPPORTED_COMMAND', /engine_start/],
    ['appliance', { command: 'start_program', params: { program: '' } }, 'VALIDATION_FAILED', /program/],
    ['sensor', { command: 'turn_on' }, 'UNSUPPORTED_COMMAND', /accepts no commands/],
  ];
  it.each(refused)('%s refuses %j with %s', (type, command, code, message) => {
    expect(() => plan(device(type), command)).toThrow(
      expect.objectContaining({ code, message: expect.stringMatching(message) }),
    );
  });
});

describe('native state, ack, availability and event parsing', () => {
  const vehicle = device('vehicle');
  const drv = driverFor(vehicle);
  it('accepts typed state and rejects wrong attribute types', () => {
    const ok = drv.parse(
      vehicle,
      'state',
      message({
        locked: true,
        battery_percent: 80,
        location: { lat: 52.1, lon: 4.3 },
        doors: { trunk: 'open' },
        vendor_extra: 1,
      }),
    );
    expect(ok).toEqual({
      ok: true,
      inputs: [
        {
          kind: 'state',
          patch: {
            locked: true,
            battery_percent: 80,
            location: { lat: 52.1, lon: 4.3 },
            doors: { trunk: 'open' },
            vendor_extra: 1,
          },
        },
      ],
    });
    const bad = drv.parse(vehicle, 'state', message({ battery_percent: 180 }));
    expect(bad).toMatchObject({ ok: false, reason: expect.stringContaining('battery_percent') });
    expect(drv.parse(vehicle, 'state', message('[]'))).toMatchObject({ ok: false });
    expect(drv.parse(vehicle, 'state', message('{'))).toMatchObject({
      ok: false,
      reason: expect.stringContaining('not valid JSON'),
    });
  });
  it('turns an ok ack with state into a state patch plus the ack, and an error ack into a failure', () => {
    expect(drv.parse(vehicle, 'ack', message({ id: 'c1', status: 'ok', state: { engine_on: true } }))).toEqual({
      ok: true,
      inputs: [
        { kind: 'state', patch: { engine_on: true } },
        { kind: 'ack', correlationId: 'c1', ok: true, state: { engine_on: true } },
      ],
    });
    expect(
      drv.parse(vehicle, 'ack', message({ id: 'c2', status: 'error', error: { code: 'busy', message: 'driving' } })),
    ).toEqual({
      ok: true,
      inputs: [{ kind: 'ack', correlationId: 'c2', ok: false, error: { code: 'busy', message: 'driving' } }],
    });
  });
  it('parses availability strictly', () => {
    expect(drv.parse(vehicle, 'availability', message('online'))).toEqual({
      ok: true,
      inputs: [{ kind: 'availability', available: true }],
    });
    expect(drv.parse(vehicle, 'availability', message('gone'))).toMatchObject({ ok: false });
  });
});

describe('ha-discovery driver plans', () => {
  const ha = (component: string, config: Record<string, unknown>, state = {}) =>
    device(component as DeviceType, {
      state,
      driverConfig: { component, discovery_topic: `homeassistant/${component}/x/config`, ...config },
    });
  const run = (d: DriverDevice, command: DeviceCommand) => driverFor(d, 'ha-discovery').command(d, command, 'c');

  it('is optimistic without a state topic', () => {
    const p = run(ha('switch', { command_topic: 'p/set' }), { command: 'turn_on' });
    expect(p).toEqual({
      publishes: [{ topic: 'p/set', payload: 'ON', qos: 0, retain: false }],
      ack: { kind: 'optimistic', state: { on: true } },
    });
    const b = run(ha('button', { command_topic: 'b/press', payload_press: 'GO' }), { command: 'press' });
    expect(b.publishes[0]!.payload).toBe('GO');
  });

  it('acknowledges on the state topic reporting the commanded value', () => {
    const p = run(ha('lock', { command_topic: 'l/set', state_topic: 'l/state' }), { command: 'unlock' });
    expect(p.publishes[0]!.payload).toBe('UNLOCK');
    expect(p.ack.kind).toBe('state');
    if (p.ack.kind !== 'state') return;
    expect(p.ack.matches({ locked: true })).toBe(false);
    expect(p.ack.matches({ locked: false, lock_state: 'unlocked' })).toBe(true);
    expect(p.ack.matches({ lock_state: 'unlocking' })).toBe(true);
    expect(p.ack.description).toBe('unlocked');
    const blind = run(ha('lock', { command_topic: 'l/set' }), { command: 'lock' });
    expect(blind.ack).toEqual({ kind: 'optimistic', state: { locked: true, lock_state: 'locked' } });
  });

  it('reads a fan speed back into percent of its speed range, and sets it optimistically without a state topic', () => {
    const fan = ha('fan', {
      command_topic: 'f/set',
      percentage_command_topic: 'f/speed',
      percentage_state_topic: 'f/pct',
      speed_range_max: 4,
    });
    const drv = driverFor(fan, 'ha-discovery');
    expect(drv.parse(fan, 'percentage', message('2'))).toEqual({
      ok: true,
      inputs: [{ kind: 'state', patch: { percentage: 50 } }],
    });
    const quiet = ha('fan', { command_topic: 'f/set', percentage_command_topic: 'f/speed' });
    expect(run(quiet, { command: 'turn_on', params: { percentage: 40 } })).toEqual({
      publishes: [
        { topic: 'f/set', payload: 'ON', qos: 0, retain: false },
        { topic: 'f/speed', payload: '40', qos: 0, retain: false },
      ],
      ack: { kind: 'optimistic', state: { on: true, percentage: 40 } },
    });
  });

  it('toggles from the current state and scales fan percentages to the speed range', () => {
    const p = run(ha('switch', { command_topic: 's/set', state_topic: 's/state' }, { on: true }), {
      command: 'toggle',
    });
    expect(p.publishes[0]!.payload).toBe('OFF');
    const fan = run(
      ha('fan', {
        command_topic: 'f/set',
        percentage_command_topic: 'f/speed',
        speed_range_min: 1,
        speed_range_max: 3,
      }),
      { command: 'set_percentage', params: { percentage: 100 } },
    );
    expect(fan.publishes).toEqual([{ topic: 'f/speed', payload: '3', qos: 0, retain: false }]);
  });

  it('lists only the commands the config can carry out', () => {
    const cover = ha('cover', { set_position_topic: 'c/pos' });
    expect(() => run(cover, { command: 'open' })).toThrow(
      expect.objectContaining({ code: 'UNSUPPORTED_COMMAND', message: expect.stringContaining('set_position') }),
    );
    const sensor = ha('sensor', { state_topic: 's' });
    expect(() => run(sensor, { command: 'turn_on' })).toThrow(expect.objectContaining({ code: 'UNSUPPORTED_COMMAND' }));
  });

  it("reads sensors, binary sensors and buttons by their type folders' mappings", () => {
    const sensor = ha('sensor', {
      state_topic: 's/t',
      value_template: '{{ value_json.t }}',
      unit_of_measurement: '°C',
    });
    const drv = driverFor(sensor, 'ha-discovery');
    expect(drv.subscriptions(sensor)).toEqual([{ topic: 's/t', role: 'state' }]);
    expect(drv.parse(sensor, 'state', message({ t: 21.5 }))).toEqual({
      ok: true,
      inputs: [{ kind: 'state', patch: { value: 21.5, unit: '°C' } }],
    });
    const leak = ha('binary_sensor', { state_topic: 'w/state', payload_on: 'wet', payload_off: 'dry' });
    expect(drv.parse(leak, 'state', message('wet'))).toEqual({
      ok: true,
      inputs: [{ kind: 'state', patch: { on: true } }],
    });
    expect(drv.parse(leak, 'state', message('damp'))).toMatchObject({
      ok: false,
      reason: expect.stringContaining('"damp"'),
    });
    const button = ha('button', { command_topic: 'b/press', state_topic: 'b/state' });
    expect(drv.parse(button, 'state', message('x'))).toMatchObject({
      ok: false,
      reason: expect.stringContaining('no state'),
    });
    expect(run(button, { command: 'press' }).ack).toEqual({ kind: 'optimistic', state: {} });
  });

  it('scales cover positions both ways and fills {{ position }} in the set-position template', () => {
    const blind = ha('cover', {
      command_topic: 'c/set',
      set_position_topic: 'c/pos/set',
      set_position_template: '{"pos": {{ position }}}',
      position_topic: 'c/pos',
      position_open: 0,
      position_closed: 200,
    });
    const p = run(blind, { command: 'set_position', params: { position: 25 } });
    expect(p.publishes).toEqual([{ topic: 'c/pos/set', payload: '{"pos": 150}', qos: 0, retain: false }]);
    if (p.ack.kind !== 'state') throw new Error('a cover with position_topic confirms by it');
    expect(p.ack.description).toBe('position 25');
    const drv = driverFor(blind, 'ha-discovery');
    expect(drv.parse(blind, 'position', message('50'))).toEqual({
      ok: true,
      inputs: [{ kind: 'state', patch: { position: 75 } }],
    });
    const close = run(blind, { command: 'close' });
    if (close.ack.kind !== 'state') throw new Error('a cover with position_topic confirms by it');
    expect(close.ack.matches({ position: 0 })).toBe(true);
    expect(close.ack.matches({ position: 40 })).toBe(false);
    const plain = ha('cover', { command_topic: 'g/set', state_topic: 'g/state' });
    expect(drv.parse(plain, 'state', message('opening'))).toEqual({
      ok: true,
      inputs: [{ kind: 'state', patch: { state: 'opening' } }],
    });
    expect(run(ha('cover', { command_topic: 'g/set' }), { command: 'open' }).ack).toEqual({
      kind: 'optimistic',
      state: { state: 'open', position: 100 },
    });
  });

  it('drives a climate device by its modes, its power topic and its target temperature', () => {
    const heat = ha('climate', {
      mode_command_topic: 'h/mode/set',
      mode_state_topic: 'h/mode',
      temperature_command_topic: 'h/temp/set',
      temperature_state_topic: 'h/temp',
      modes: ['off', 'heat'],
    });
    expect(run(heat, { command: 'turn_on' }).publishes[0]).toMatchObject({ topic: 'h/mode/set', payload: 'heat' });
    expect(() => run(heat, { command: 'set_hvac_mode', params: { hvac_mode: 'cool' } })).toThrow(
      expect.objectContaining({
        code: 'VALIDATION_FAILED',
        message: expect.stringContaining('must be one of off, heat'),
      }),
    );
    const t = run(heat, { command: 'set_temperature', params: { temperature: 21.5 } });
    if (t.ack.kind !== 'state') throw new Error('confirmed by temperature_state_topic');
    expect(t.ack.matches({ target_temperature: 21.5 })).toBe(true);
    expect(t.ack.matches({ target_temperature: 22 })).toBe(false);
    const drv = driverFor(heat, 'ha-discovery');
    expect(drv.parse(heat, 'mode', message('off'))).toEqual({
      ok: true,
      inputs: [{ kind: 'state', patch: { hvac_mode: 'off', on: false } }],
    });
    const powered = ha('climate', { power_command_topic: 'p/power', temperature_command_topic: 'p/temp' });
    expect(run(powered, { command: 'turn_off' })).toEqual({
      publishes: [{ topic: 'p/power', payload: 'OFF', qos: 0, retain: false }],
      ack: { kind: 'optimistic', state: { on: false } },
    });
  });

  it('speaks JSON to a json-schema light and reads its whole JSON state', () => {
    const strip = ha('light', { schema: 'json', command_topic: 'j/set', state_topic: 'j/state' });
    const p = run(strip, { command: 'turn_on', params: { brightness: 50, color: 'red', color_temp_kelvin: 2500 } });
    expect(p.publishes).toEqual([
      {
        topic: 'j/set',
        payload: JSON.stringify({ state: 'ON', brightness: 128, color: { r: 255, g: 0, b: 0 }, color_temp: 400 }),
        qos: 0,
        retain: false,
      },
    ]);
    const drv = driverFor(strip, 'ha-discovery');
    expect(drv.parse(strip, 'state', message({ state: 'ON', brightness: 255, color: { r: 0, g: 0, b: 255 } }))).toEqual(
      {
        ok: true,
        inputs: [{ kind: 'state', patch: { on: true, brightness: 100, color: '#0000ff' } }],
      },
    );
    expect(drv.parse(strip, 'state', message('ON'))).toMatchObject({ ok: false });
  });

  it('maps default-schema light brightness both ways', () => {
    const light = ha('light', {
      command_topic: 'l/set',
      state_topic: 'l/state',
      brightness_command_topic: 'l/bri/set',
      brightness_state_topic: 'l/bri',
      brightness_scale: 100,
    });
    const p = run(light, { command: 'turn_on', params: { brightness: 30, color: 'red' } });
    expect(p.publishes.map((x) => [x.topic, x.payload])).toEqual([
      ['l/set', 'ON'],
      ['l/bri/set', '30'],
    ]);
    const drv = driverFor(light, 'ha-discovery');
    const subs = drv.subscriptions(light);
    expect(subs).toEqual([
      { topic: 'l/state', role: 'state' },
      { topic: 'l/bri', role: 'brightness' },
    ]);
    expect(drv.parse(light, 'brightness', message('45'))).toEqual({
      ok: true,
      inputs: [{ kind: 'state', patch: { brightness: 45 } }],
    });
    expect(drv.parse(light, 'state', message('MAYBE'))).toMatchObject({ ok: false });
  });
});
