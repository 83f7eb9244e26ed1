import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { buildTestApi, type TestApi } from '../../hub/api/testing/test-api.js';

let api: TestApi | undefined;
afterEach(async () => {
  await api?.app.close();
  api = undefined;
});

async function listen(): Promise<string> {
  api = await buildTestApi();
  await api.app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = api.app.server.address() as AddressInfo;
  return `ws://127.0.0.1:${port}/api/v1/events`;
}

function open(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
    ws.once('unexpected-response', (req, res) => {
      req.destroy();
      reject(new Error(`HTTP ${res.statusCode}`));
    });
  });
}

function nextMessage(ws: WebSocket): Promise<{ event: string; payload: any; at: string }> {
  return new Promise((resolve) => ws.once('message', (data) => resolve(JSON.parse(String(data)))));
}

describe('WebSocket event stream', () => {
  it('streams deviceStateChanged after a command, authenticated with ?token=', async () => {
    const url = await listen();
    await api!.app.inject({
      method: 'POST',
      url: '/api/v1/devices',
      headers: api!.auth,
      payload: { id: 'lamp', name: 'Lamp', type: 'light' },
    });
    const ws = await open(`${url}?token=${api!.token}&events=deviceStateChanged`);
    const message = nextMessage(ws);
    await api!.app.inject({
      method: 'POST',
      url: '/api/v1/devices/lamp/commands',
      headers: api!.auth,
      payload: { command: 'turn_on' },
    });
    const received = await message;
    expect(received.event).toBe('deviceStateChanged');
    expect(received.payload).toMatchObject({ deviceId: 'lamp', changed: { on: true } });
    expect(Number.isNaN(Date.parse(received.at))).toBe(false);
    ws.close();
  });

  it('streams every event name by default', async () => {
    const url = await listen();
    const ws = await open(`${url}?token=${api!.token}`);
    const message = nextMessage(ws);
    api!.events.emit('buttonPressed', { buttonId: 'pantry', source: 'api' });
    expect(await message).toMatchObject({ event: 'buttonPressed', payload: { buttonId: 'pantry' } });
    ws.close();
  });

  it('refuses the upgrade without a valid token', async () => {
    const url = await listen();
    await expect(open(url)).rejects.toThrow('HTTP 401');
    await expect(open(`${url}?token=nope`)).rejects.toThrow('HTTP 401');
  });
});
