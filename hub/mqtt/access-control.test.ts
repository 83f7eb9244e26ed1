import { describe, expect, it } from 'vitest';
import { clientIdAllowed, deviceIdentity, mayPublish, maySubscribe } from './access-control.js';

const lamp = deviceIdentity({
  deviceId: 'lamp',
  username: 'lamp',
  extraTopics: ['homeassistant/+/lamp/#'],
  createdAt: '',
});

describe('access control', () => {
  it('lets a device publish only below its own subtree and its extra topics', () => {
    expect(mayPublish(lamp, 'hearth/lamp/state')).toBe(true);
    expect(mayPublish(lamp, 'hearth/lamp/availability')).toBe(true);
    expect(mayPublish(lamp, 'homeassistant/light/lamp/config')).toBe(true);
    expect(mayPublish(lamp, 'hearth/door/state')).toBe(false);
    expect(mayPublish(lamp, 'hearth/lamp2/state')).toBe(false);
    expect(mayPublish(lamp, 'homeassistant/light/door/config')).toBe(false);
    expect(mayPublish(lamp, '$SYS/x')).toBe(false);
  });

  it('grants subscriptions that stay inside, refuses broader ones', () => {
    expect(maySubscribe(lamp, 'hearth/lamp/set')).toBe(true);
    expect(maySubscribe(lamp, 'hearth/lamp/#')).toBe(true);
    expect(maySubscribe(lamp, '$share/g/hearth/lamp/set')).toBe(true);
    expect(maySubscribe(lamp, 'hearth/+/set')).toBe(false);
    expect(maySubscribe(lamp, '#')).toBe(false);
    expect(maySubscribe(lamp, 'hearth/door/set')).toBe(false);
    expect(maySubscribe(lamp, '$share/g/hearth/door/set')).toBe(false);
  });

  it('anonymous (only when allowed) may use any non-$ topic', () => {
    expect(mayPublish({ kind: 'anonymous' }, 'anything/here')).toBe(true);
    expect(mayPublish({ kind: 'anonymous' }, '$SYS/broker')).toBe(false);
    expect(maySubscribe({ kind: 'anonymous' }, '#')).toBe(true);
  });

  it('client id must be the username or username:suffix', () => {
    expect(clientIdAllowed('lamp', 'lamp')).toBe(true);
    expect(clientIdAllowed('lamp', 'lamp:diag')).toBe(true);
    expect(clientIdAllowed('lamp', 'lamp:')).toBe(false);
    expect(clientIdAllowed('lamp', 'lamp-2')).toBe(false);
    expect(clientIdAllowed('lamp', 'door')).toBe(false);
    expect(clientIdAllowed('lamp', 'mosquitto-pub-123')).toBe(false);
  });
});
