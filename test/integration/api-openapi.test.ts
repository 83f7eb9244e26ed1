import { afterEach, describe, expect, it } from 'vitest';
import { buildTestApi, type TestApi } from '../../hub/api/test-support/test-api.js';

let api: TestApi | undefined;
afterEach(async () => {
  await api?.app.close();
  api = undefined;
});

describe('OpenAPI document', () => {
  it('is served as OpenAPI 3 JSON describing every route with its schemas', async () => {
    api = await buildTestApi();
    const res = await api.app.inject({ method: 'GET', url: '/api/v1/openapi.json', headers: api.auth });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/json');
    const doc = JSON.parse(res.body) as { openapi: string; paths: Record<string, Record<string, any>> };
    expect(doc.openapi).toMatch(/^3\./);
    const expected: [string, string][] = [
      ['/api/v1/health', 'get'], ['/api/v1/status', 'get'],
      ['/api/v1/floors', 'get'], ['/api/v1/floors', 'post'], ['/api/v1/floors/{id}', 'patch'], ['/api/v1/floors/{id}', 'delete'],
      ['/api/v1/areas', 'post'], ['/api/v1/areas/{id}', 'get'],
      ['/api/v1/devices', 'get'], ['/api/v1/devices', 'post'], ['/api/v1/devices/{id}', 'patch'],
      ['/api/v1/devices/{id}/commands', 'post'], ['/api/v1/devices/{id}/credentials', 'post'],
      ['/api/v1/devices/{id}/credentials', 'delete'], ['/api/v1/credentials', 'get'], ['/api/v1/events', 'get'],
    ];
    for (const [path, method] of expected) expect(doc.paths[path]?.[method], `${method} ${path}`).toBeDefined();

    const addDevice = doc.paths['/api/v1/devices']!.post;
    const body = addDevice.requestBody.content['application/json'].schema;
    expect(body.required).toEqual(expect.arrayContaining(['id', 'name', 'type']));
    expect(body.properties.type.enum).toContain('vehicle');
    expect(addDevice.responses['201']).toBeDefined();
    expect(addDevice.responses['401']).toBeDefined();
    const command = doc.paths['/api/v1/devices/{id}/commands']!.post;
    expect(command.parameters).toEqual([expect.objectContaining({ name: 'id', in: 'path', required: true })]);
    expect(command.responses['504'].description).toContain('DEVICE_TIMEOUT');
    expect(doc.paths['/api/v1/health']!.get.security).toEqual([]);
  });
});
