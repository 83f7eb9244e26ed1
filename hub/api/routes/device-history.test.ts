import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildHouseholdApi, type HouseholdApi } from '../testing/household-api.js';

let api: HouseholdApi;
beforeEach(async () => {
  api = await buildHouseholdApi();
  api.devices.add({ id: 'lamp', name: 'Lamp', type: 'light' });
});
afterEach(async () => {
  await api.close();
});

const history = (query = '', headers = api.auth) =>
  api.app.inject({ method: 'GET', url: `/api/v1/devices/lamp/history${query}`, headers });

describe('GET /devices/:id/history', () => {
  it('returns numeric and on/off readings recorded from state changes, by attribute, and keeps them across a restart', async () => {
    const t0 = api.clock.now();
    api.bus.emit('deviceStateChanged', {
      deviceId: 'lamp',
      state: { on: true, brightness: 40 },
      changed: { on: true, brightness: 40, effect: 'none' },
    });
    api.clock.advance(60_000);
    api.bus.emit('deviceStateChanged', {
      deviceId: 'lamp',
      state: { on: false, brightness: 40 },
      changed: { on: false },
    });
    const res = await history();
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      deviceId: 'lamp',
      since: 0,
      maxReadings: 2000,
      attributes: {
        on: [
          { at: t0, value: 1 },
          { at: t0 + 60_000, value: 0 },
        ],
        brightness: [{ at: t0, value: 40 }],
      },
    });
    expect((await history(`?since=${t0 + 1}`)).json().attributes).toEqual({ on: [{ at: t0 + 60_000, value: 0 }] });
    expect((await history(`?since=${new Date(t0 + 1).toISOString()}`)).json().attributes).toEqual({
      on: [{ at: t0 + 60_000, value: 0 }],
    });

    const dir = api.dir;
    api = await api.restart();
    api.devices.add({ id: 'lamp', name: 'Lamp', type: 'light' });
    expect(dir).toBe(api.dir);
    expect(Object.keys((await history()).json().attributes)).toEqual(['on', 'brightness']);
  });

  it('refuses a bad since, an unknown device and a missing token', async () => {
    const bad = await history('?since=yesterday');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/since: .*milliseconds since 1970 or an ISO 8601 time/);
    expect(
      (await api.app.inject({ method: 'GET', url: '/api/v1/devices/ghost/history', headers: api.auth })).statusCode,
    ).toBe(404);
    expect((await history('', {} as never)).statusCode).toBe(401);
  });
});
