import { describe, expect, it } from 'vitest';
import type { DeviceCredential } from './contracts.js';
import { DeviceRights } from './device-rights.js';

const lamp: DeviceCredential = { deviceId: 'lamp', username: 'lamp', extraTopics: ['plugs/lamp/#'], createdAt: '' };
const credentials = { get: (id: string) => (id === 'lamp' ? lamp : undefined) };

describe('rights judged from the credential as it is now', () => {
  const rights = new DeviceRights(credentials, { allowAnonymous: false, maxPayloadBytes: 1024 });

  it("lets a stored will through only on its owner's own topics", () => {
    expect(
      rights.storedWillProblem({ clientId: 'lamp', topic: 'hearth/lamp/availability', payload: 'offline' }),
    ).toBeUndefined();
    expect(rights.storedWillProblem({ clientId: 'lamp', topic: 'hearth/front-door/set', payload: '{}' })).toMatch(
      /outside/,
    );
    expect(rights.storedWillProblem({ clientId: 'ghost', topic: 'hearth/ghost/availability' })).toMatch(
      /"ghost" has no credential/,
    );
    expect(rights.storedWillProblem({ topic: 'anything' })).toMatch(/no credential/);
  });

  it("accepts a discovery config naming its announcer's topics (undefined, not a refusal) and names the one outside", () => {
    expect(rights.announcedTopicsProblem('lamp', ['plugs/lamp/cmnd', 'hearth/lamp/state'])).toBeUndefined();
    expect(rights.announcedTopicsProblem('lamp', ['plugs/lamp/cmnd', 'plugs/other/cmnd'])).toMatch(
      /"plugs\/other\/cmnd", outside the topics of device "lamp"/,
    );
    expect(rights.announcedTopicsProblem('ghost', ['plugs/ghost/cmnd'])).toMatch(/no device credential "ghost"/);
  });

  it('gives clients without a credential anonymous rights only while anonymous clients are allowed', () => {
    const open = new DeviceRights(credentials, { allowAnonymous: true, maxPayloadBytes: 1024 });
    expect(open.storedWillProblem({ clientId: 'sensor', topic: 'sensors/kitchen', payload: 'gone' })).toBeUndefined();
    expect(open.storedWillProblem({ clientId: 'sensor', topic: '$SYS/x', payload: 'gone' })).toBeDefined();
  });
});
