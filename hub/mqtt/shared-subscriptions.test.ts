import { describe, expect, it } from 'vitest';
import type { MqttTransport } from './transport.js';
import { isSharedDeviceFilter, shareDeviceTraffic } from './shared-subscriptions.js';

describe('shared subscriptions', () => {
  it('shares native state and event topics only', () => {
    expect(isSharedDeviceFilter('hearth/lamp/state')).toBe(true);
    expect(isSharedDeviceFilter('hearth/+/event')).toBe(true);
    expect(isSharedDeviceFilter('hearth/lamp/ack')).toBe(false);
    expect(isSharedDeviceFilter('hearth/lamp/availability')).toBe(false);
    expect(isSharedDeviceFilter('homeassistant/switch/plug/config')).toBe(false);
    expect(isSharedDeviceFilter('plugs/p1/stat/POWER')).toBe(false);
    expect(isSharedDeviceFilter('hearth/#')).toBe(false);
  });

  it('rewrites subscriptions of shared topics to $share/<group>/ and leaves the rest alone', async () => {
    const seen: string[] = [];
    const inner: MqttTransport = {
      start: async () => {},
      stop: async () => {},
      publish: async () => {},
      subscribe: async (filter) => {
        seen.push(filter);
        return async () => {};
      },
    };
    const shared = shareDeviceTraffic(inner, 'fleet-1');
    for (const f of [
      'hearth/lamp/state',
      'hearth/lamp/ack',
      'hearth/lamp/event',
      'hearth/lamp/availability',
      '$share/other/hearth/x/state',
    ]) {
      await shared.subscribe(f, () => {});
    }
    expect(seen).toEqual([
      '$share/fleet-1/hearth/lamp/state',
      'hearth/lamp/ack',
      '$share/fleet-1/hearth/lamp/event',
      'hearth/lamp/availability',
      '$share/other/hearth/x/state',
    ]);
  });

  it('refuses a group name that is not a single topic level', () => {
    const inner = {} as MqttTransport;
    expect(() => shareDeviceTraffic(inner, 'a/b')).toThrow(/mqtt.shareGroup/);
    expect(() => shareDeviceTraffic(inner, '')).toThrow(/mqtt.shareGroup/);
  });
});
