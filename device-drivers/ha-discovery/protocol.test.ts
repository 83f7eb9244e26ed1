import { describe, expect, it } from 'vitest';
import { expandConfig } from './abbreviations.js';
import { interpretDiscoveryConfig, parseDiscoveryTopic, toDeviceId } from './protocol.js';

describe('discovery topics', () => {
  it('parses topics with and without node id and refuses others', () => {
    expect(parseDiscoveryTopic('homeassistant/switch/abc/config')).toEqual({ component: 'switch', objectId: 'abc' });
    expect(parseDiscoveryTopic('homeassistant/light/node1/lamp/config')).toEqual({
      component: 'light',
      nodeId: 'node1',
      objectId: 'lamp',
    });
    expect(parseDiscoveryTopic('homeassistant/light/lamp/state')).toBeUndefined();
    expect(parseDiscoveryTopic('other/light/lamp/config')).toBeUndefined();
    expect(parseDiscoveryTopic('homeassistant/a/b/c/d/config')).toBeUndefined();
  });

  it('turns unique ids into valid device ids', () => {
    expect(toDeviceId('8E3F21_RL_1')).toBe('8e3f21_rl_1');
    expect(toDeviceId('Hallway Bulb!')).toBe('hallway_bulb_');
    expect(toDeviceId('__x')).toBe('x');
    expect(toDeviceId('a'.repeat(100))).toHaveLength(64);
  });
});

describe('abbreviation expansion', () => {
  it('expands config, device and availability keys and substitutes ~ at either end', () => {
    const expanded = expandConfig({
      '~': 'home/plug',
      cmd_t: '~/set',
      stat_t: '~/state',
      json_attr_t: 'tele/~',
      avty: [{ t: '~/lwt', pl_avail: 'up' }],
      dev: { ids: ['x'], mf: 'Maker', sa: 'Hall' },
      uniq_id: 'u1',
      pl_on: 'ON',
    });
    expect(expanded).toEqual({
      command_topic: 'home/plug/set',
      state_topic: 'home/plug/state',
      json_attributes_topic: 'tele/home/plug',
      availability: [{ topic: 'home/plug/lwt', payload_available: 'up' }],
      device: { identifiers: ['x'], manufacturer: 'Maker', suggested_area: 'Hall' },
      unique_id: 'u1',
      payload_on: 'ON',
    });
  });
});

describe('interpretDiscoveryConfig', () => {
  const topic = 'homeassistant/light/node/lamp/config';
  const parsed = parseDiscoveryTopic(topic)!;

  it('describes a default-schema light with brightness', () => {
    const result = interpretDiscoveryConfig(topic, parsed, {
      name: 'Desk',
      cmd_t: 'd/set',
      stat_t: 'd/state',
      bri_cmd_t: 'd/bri/set',
    });
    expect(result).toMatchObject({
      ok: true,
      device: { id: 'node_lamp', name: 'Desk', type: 'light', capabilities: ['on_off', 'brightness'] },
    });
  });

  it('reads a lawn mower announced with abbreviated keys', () => {
    const mowerTopic = 'homeassistant/lawn_mower/node/front/config';
    const result = interpretDiscoveryConfig(mowerTopic, parseDiscoveryTopic(mowerTopic)!, {
      '~': 'garden/mower',
      act_stat_t: '~/activity',
      act_val_tpl: '{{ value_json.activity }}',
      strt_mow_cmd_t: '~/start',
      strt_mow_cmd_tpl: '{"go": true}',
      pause_cmd_t: '~/pause',
      pause_cmd_tpl: '{"pause": true}',
      dock_cmd_t: '~/dock',
      dock_cmd_tpl: '{"dock": true}',
    });
    expect(result).toMatchObject({
      ok: true,
      device: {
        type: 'lawn_mower',
        capabilities: ['start_mowing', 'pause', 'dock'],
        driverConfig: {
          activity_state_topic: 'garden/mower/activity',
          activity_value_template: '{{ value_json.activity }}',
          start_mowing_command_topic: 'garden/mower/start',
          start_mowing_command_template: '{"go": true}',
          pause_command_topic: 'garden/mower/pause',
          pause_command_template: '{"pause": true}',
          dock_command_topic: 'garden/mower/dock',
          dock_command_template: '{"dock": true}',
        },
      },
    });
  });

  it('reads a humidifier announced with abbreviated keys (a component a type folder maps)', () => {
    const humidifierTopic = 'homeassistant/humidifier/node/cellar/config';
    const result = interpretDiscoveryConfig(humidifierTopic, parseDiscoveryTopic(humidifierTopic)!, {
      '~': 'cellar/dry',
      cmd_t: '~/power',
      hum_cmd_t: '~/target/set',
      hum_cmd_tpl: '{{ value | int }}',
      hum_stat_t: '~/target',
      hum_state_tpl: '{{ value_json.rh }}',
      cur_hum_t: '~/air',
      cur_hum_tpl: '{{ value_json.rh }}',
      act_t: '~/action',
      min_hum: 35,
      max_hum: 65,
    });
    expect(result).toMatchObject({
      ok: true,
      device: {
        type: 'humidifier',
        capabilities: ['on_off', 'target_humidity'],
        driverConfig: {
          target_humidity_command_topic: 'cellar/dry/target/set',
          target_humidity_command_template: '{{ value | int }}',
          target_humidity_state_topic: 'cellar/dry/target',
          target_humidity_state_template: '{{ value_json.rh }}',
          current_humidity_topic: 'cellar/dry/air',
          current_humidity_template: '{{ value_json.rh }}',
          action_topic: 'cellar/dry/action',
          min_humidity: 35,
          max_humidity: 65,
        },
      },
    });
  });

  it('uses the device name when the entity name is null', () => {
    const result = interpretDiscoveryConfig(topic, parsed, {
      name: null,
      cmd_t: 'd/set',
      dev: { name: 'Shed Lamp' },
      uniq_id: 'shed',
    });
    expect(result).toMatchObject({ ok: true, device: { id: 'shed', name: 'Shed Lamp' } });
  });

  it('rejects with reasons', () => {
    expect(interpretDiscoveryConfig(topic, parsed, [1, 2])).toEqual({
      ok: false,
      reason: 'config must be a JSON object',
    });
    expect(interpretDiscoveryConfig(topic, parsed, { cmd_t: 'x', schema: 'template' })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('template-schema'),
    });
    expect(interpretDiscoveryConfig(topic, parsed, { cmd_t: 5 })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('command_topic'),
    });
    expect(
      interpretDiscoveryConfig('homeassistant/camera/x/config', { component: 'camera', objectId: 'x' }, {}),
    ).toMatchObject({ ok: false, reason: expect.stringContaining('"camera" is not supported') });
    expect(
      interpretDiscoveryConfig(topic, parsed, { cmd_t: 'x', avty: [{ t: 'a', val_tpl: '{{ foo }}' }] }),
    ).toMatchObject({ ok: false, reason: expect.stringContaining('availability[0]') });
  });
});
