/**
 * Home Assistant's MQTT `cover` component: open/close/stop on `command_topic`, a position on `set_position_topic`,
 * states on `state_topic` and positions on `position_topic`, scaled between `position_closed` and `position_open`.
 */
import { z } from 'zod';
import type { DiscoveryFields, HaDiscoveryMapping } from '../../hub/sdk/index.js';
import { haText } from '../shared/ha-discovery.js';

const STATES = ['open', 'opening', 'closed', 'closing', 'stopped'] as const;
const none = z.strictObject({});

const ends = (c: DiscoveryFields) => ({
  open: typeof c.position_open === 'number' ? c.position_open : 100,
  closed: typeof c.position_closed === 'number' ? c.position_closed : 0,
});
/** The device's own position → 0..100 (100 = open). */
const scaled = (c: DiscoveryFields, raw: number) => {
  const { open, closed } = ends(c);
  return Math.round(((raw - closed) / (open - closed)) * 100);
};

export const coverDiscovery: HaDiscoveryMapping = {
  topicKeys: [],
  required: (c) =>
    c.command_topic || c.set_position_topic ? undefined : 'a cover needs command_topic or set_position_topic',
  capabilities: (c) => [...(c.command_topic ? ['open_close'] : []), ...(c.set_position_topic ? ['position'] : [])],
  stateTopics: {
    state: {
      topicKey: 'state_topic',
      templateKey: 'value_template',
      parse(t, c) {
        for (const name of STATES) if (t === haText(c, `state_${name}`, name)) return { state: name };
        // Covers without position_topic report their position on the state topic; a number there is the position.
        if (!c.position_topic && t !== '' && Number.isFinite(Number(t))) return { position: scaled(c, Number(t)) };
        return `cover state "${t.slice(0, 40)}" is not a known cover state`;
      },
    },
    position: {
      topicKey: 'position_topic',
      templateKey: 'position_template',
      parse(t, c) {
        const n = Number(t);
        return t !== '' && Number.isFinite(n)
          ? { position: scaled(c, n) }
          : `expected a number, got "${t.slice(0, 40)}"`;
      },
    },
  },
  commands: (c) => ({
    ...(c.command_topic ? { open: none, close: none, stop: none } : {}),
    ...(c.set_position_topic ? { set_position: z.strictObject({ position: z.number().int().min(0).max(100) }) } : {}),
  }),
  plan(command, params, c, _state, render) {
    if (command === 'set_position') {
      const pos = params.position as number;
      const { open, closed } = ends(c);
      const raw = Math.round(closed + (pos / 100) * (open - closed));
      return {
        send: [['set_position_topic', render('set_position_template', raw, raw)]],
        expected: { position: pos },
        confirmedBy: 'position_topic',
        description: `position ${pos}`,
      };
    }
    const payload =
      command === 'open'
        ? haText(c, 'payload_open', 'OPEN')
        : command === 'close'
          ? haText(c, 'payload_close', 'CLOSE')
          : haText(c, 'payload_stop', 'STOP');
    const accepted =
      command === 'open'
        ? ['open', 'opening']
        : command === 'close'
          ? ['closed', 'closing']
          : ['open', 'closed', 'stopped'];
    const target = command === 'open' ? 100 : 0;
    const byState = typeof c.state_topic === 'string';
    const optimistic = command === 'stop' ? { state: 'stopped' } : { state: accepted[0], position: target };
    return {
      send: [['command_topic', render('command_template', payload)]],
      expected: optimistic,
      confirmedBy: byState ? 'state_topic' : 'position_topic',
      // With a state topic the state decides; a position alone only proves arrival at the end stop.
      matches: (s) =>
        byState
          ? typeof s.state === 'string' && accepted.includes(s.state)
          : typeof s.position === 'number' && (command === 'stop' || s.position === target),
      description: accepted.join(' or '),
      optimistic,
    };
  },
};
