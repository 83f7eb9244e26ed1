/** Home Assistant's MQTT `lock` component: `payload_lock`/`payload_unlock` on `command_topic`, five lock states. */
import { z } from 'zod';
import type { HaDiscoveryMapping } from '../../hub/sdk/index.js';
import { haText } from '../shared/ha-discovery.js';

/** Config key, its default payload, the lock state it reports and `locked` (undefined while it moves or is jammed). */
const STATES: [key: string, fallback: string, name: string, locked: boolean | undefined][] = [
  ['state_locked', 'LOCKED', 'locked', true],
  ['state_unlocked', 'UNLOCKED', 'unlocked', false],
  ['state_locking', 'LOCKING', 'locking', undefined],
  ['state_unlocking', 'UNLOCKING', 'unlocking', undefined],
  ['state_jammed', 'JAMMED', 'jammed', undefined],
];
const none = z.strictObject({});

export const lockDiscovery: HaDiscoveryMapping = {
  topicKeys: [],
  required: (c) => (c.command_topic ? undefined : 'a lock needs command_topic'),
  capabilities: () => ['lock'],
  stateTopics: {
    state: {
      topicKey: 'state_topic',
      templateKey: 'value_template',
      parse(t, c) {
        for (const [key, fallback, name, locked] of STATES) {
          if (t === haText(c, key, fallback))
            return locked === undefined ? { lock_state: name } : { lock_state: name, locked };
        }
        return `lock state "${t.slice(0, 40)}" is not one of the configured lock states`;
      },
    },
  },
  commands: () => ({ lock: none, unlock: none }),
  plan(command, _params, c, _state, render) {
    const lock = command === 'lock';
    const payload = lock ? haText(c, 'payload_lock', 'LOCK') : haText(c, 'payload_unlock', 'UNLOCK');
    const transitional = lock ? 'locking' : 'unlocking';
    return {
      send: [['command_topic', render('command_template', payload)]],
      expected: { locked: lock, lock_state: lock ? 'locked' : 'unlocked' },
      confirmedBy: 'state_topic',
      // Moving toward the commanded state is enough: some locks report only the end state, some only the motion.
      matches: (s) => s.locked === lock || s.lock_state === transitional,
      description: lock ? 'locked' : 'unlocked',
    };
  },
};
