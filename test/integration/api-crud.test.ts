import { afterEach, describe, expect, it } from 'vitest';
import { buildTestApi, type TestApi } from '../../hub/api/testing/test-api.js';

let api: TestApi | undefined;
afterEach(async () => {
  await api?.app.close();
  api = undefined;
});

async function call(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) {
  const res = await api!.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: api!.auth,
    ...(payload ? { payload } : {}),
  });
  return { status: res.statusCode, body: res.body ? (res.json() as Record<string, any>) : undefined };
}

describe('floors and areas', () => {
  it('creates, reads, updates and deletes floors and areas', async () => {
    api = await buildTestApi();
    expect(await call('POST', '/floors', { id: 'ground', name: 'Ground floor' })).toEqual({
      status: 201,
      body: { id: 'ground', name: 'Ground floor', aliases: [] },
    });
    expect((await call('POST', '/floors', { id: 'ground', name: 'Again' })).status).toBe(409);
    expect((await call('PATCH', '/floors/ground', { aliases: ['downstairs'] })).body).toMatchObject({
      aliases: ['downstairs'],
    });
    expect((await call('GET', '/floors/ground')).body?.aliases).toEqual(['downstairs']);

    expect((await call('POST', '/areas', { id: 'kitchen', name: 'Kitchen', floor: 'ground' })).status).toBe(201);
    expect((await call('POST', '/areas', { id: 'attic', name: 'Attic', floor: 'roof' })).body?.error.code).toBe(
      'FLOOR_NOT_FOUND',
    );
    expect((await call('GET', '/areas')).body).toEqual([
      { id: 'kitchen', name: 'Kitchen', aliases: [], floor: 'ground' },
    ]);
    expect((await call('PATCH', '/areas/kitchen', { name: 'Big kitchen' })).body?.name).toBe('Big kitchen');
    expect((await call('GET', '/areas/nowhere')).body?.error.code).toBe('AREA_NOT_FOUND');

    expect((await call('DELETE', '/areas/kitchen')).status).toBe(204);
    expect((await call('GET', '/areas')).body).toEqual([]);
    expect((await call('DELETE', '/floors/ground')).status).toBe(204);
    expect((await call('GET', '/floors/ground')).status).toBe(404);
  });
});

describe('devices', () => {
  it('registers, filters, updates and removes devices', async () => {
    api = await buildTestApi();
    await call('POST', '/floors', { id: 'upper', name: 'Upper' });
    await call('POST', '/areas', { id: 'bedroom', name: 'Bedroom', floor: 'upper' });
    const created = await call('POST', '/devices', {
      id: 'bedside',
      name: 'Bedside lamp',
      type: 'light',
      area: 'bedroom',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: 'bedside', type: 'light', origin: 'api', area: 'bedroom' });
    await call('POST', '/devices', { id: 'fan', name: 'Fan', type: 'fan' });

    expect((await call('GET', '/devices?type=light')).body?.map((d: { id: string }) => d.id)).toEqual(['bedside']);
    expect((await call('GET', '/devices?floor=upper')).body?.map((d: { id: string }) => d.id)).toEqual(['bedside']);
    expect((await call('GET', '/devices?type=lamp')).body?.error.details[0]).toMatchObject({
      path: 'type',
      in: 'query',
    });

    expect((await call('PATCH', '/devices/bedside', { aliases: ['night light'] })).body?.aliases).toEqual([
      'night light',
    ]);
    expect((await call('PATCH', '/devices/bedside', { id: 'other' })).body?.error.code).toBe('VALIDATION_FAILED');
    expect((await call('GET', '/devices/ghost')).body?.error.code).toBe('DEVICE_NOT_FOUND');
    expect((await call('DELETE', '/devices/fan')).status).toBe(204);
    expect((await call('GET', '/devices')).body).toHaveLength(1);
  });

  it('runs a command and returns the acknowledged state', async () => {
    api = await buildTestApi();
    await call('POST', '/devices', { id: 'lamp', name: 'Lamp', type: 'light' });
    const res = await call('POST', '/devices/lamp/commands', { command: 'turn_on', params: { brightness: 40 } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ deviceId: 'lamp', state: { on: true, brightness: 40 } });
    expect(typeof res.body?.correlationId).toBe('string');
    expect((await call('GET', '/devices/lamp')).body?.state).toEqual({ on: true, brightness: 40 });
  });

  it('maps command failures to their error codes and statuses', async () => {
    api = await buildTestApi();
    await call('POST', '/devices', { id: 'lamp', name: 'Lamp', type: 'light' });
    const unsupported = await call('POST', '/devices/lamp/commands', { command: 'unlock' });
    expect(unsupported).toMatchObject({ status: 422, body: { error: { code: 'UNSUPPORTED_COMMAND' } } });
    api.devices.responder = () => undefined;
    const timeout = await call('POST', '/devices/lamp/commands', { command: 'turn_on', timeoutMs: 200 });
    expect(timeout).toMatchObject({ status: 504, body: { error: { code: 'DEVICE_TIMEOUT' } } });
    expect((await call('POST', '/devices/lamp/commands', { command: 'turn_on', timeoutMs: 5 })).status).toBe(400);
  });
});

describe('credentials', () => {
  it('issues a password once, lists without passwords, revokes', async () => {
    api = await buildTestApi();
    const issued = await call('POST', '/devices/washer/credentials', { extraTopics: ['homeassistant/+/washer/#'] });
    expect(issued.status).toBe(201);
    expect(issued.body).toMatchObject({
      deviceId: 'washer',
      username: 'washer',
      extraTopics: ['homeassistant/+/washer/#'],
    });
    expect(api.credentials.verify('washer', issued.body?.password)).toBe(true);
    const listed = await call('GET', '/credentials');
    expect(listed.body).toHaveLength(1);
    expect(JSON.stringify(listed.body)).not.toContain(issued.body?.password);
    expect((await call('DELETE', '/devices/washer/credentials')).status).toBe(204);
    expect((await call('DELETE', '/devices/washer/credentials')).status).toBe(404);
    expect((await call('POST', '/devices/Not%20Valid/credentials', {})).status).toBe(400);
  });

  it('issues credentials only for registered devices or ones that announce themselves', async () => {
    api = await buildTestApi();
    const ghost = await call('POST', '/devices/ghost/credentials', {});
    expect(ghost).toMatchObject({
      status: 404,
      body: { error: { code: 'DEVICE_NOT_FOUND', message: expect.stringContaining('register it first') } },
    });
    expect((await call('POST', '/devices', { id: 'lamp', name: 'Lamp', type: 'light' })).status).toBe(201);
    expect((await call('POST', '/devices/lamp/credentials', {})).status).toBe(201);
    expect(api.credentials.list().map((c) => c.deviceId)).toEqual(['lamp']);
  });
});
