import { describe, expect, it } from 'vitest';
import type { MessageHandler, MqttTransport } from '../../mqtt/transport.js';
import { SatelliteDirectory } from './satellite-directory.js';

/** Just enough of a transport to deliver retained hellos to the directory's subscription. */
function transport() {
  const handlers: MessageHandler[] = [];
  const t: MqttTransport = {
    start: async () => undefined,
    stop: async () => undefined,
    publish: async () => undefined,
    subscribe: async (_filter, handler) => {
      handlers.push(handler);
      return async () => void handlers.splice(handlers.indexOf(handler), 1);
    },
  };
  const deliver = (topic: string, payload: string) =>
    handlers.forEach((h) => h({ topic, payload: Buffer.from(payload), retain: true }));
  return { t, deliver };
}

describe('SatelliteDirectory', () => {
  it("knows satellites by their hello or their audio, with the area they name or the registry's, and forgets offline ones", async () => {
    const { t, deliver } = transport();
    const offline = new Set<string>();
    const rejected: string[] = [];
    const directory = new SatelliteDirectory({
      transport: t,
      areaOf: (id) => (id === 'hall-sat' ? 'hallway' : undefined),
      isOnline: (id) => !offline.has(id),
      onRejected: (reason) => rejected.push(reason),
    });
    await directory.start();
    deliver('hearth/kitchen-sat/satellite', '{"area":"kitchen"}');
    deliver('hearth/hall-sat/satellite', '{}');
    directory.noteStream('porch-sat');
    expect(directory.list()).toEqual([
      { id: 'kitchen-sat', area: 'kitchen' },
      { id: 'hall-sat', area: 'hallway' },
      { id: 'porch-sat' },
    ]);

    offline.add('hall-sat');
    deliver('hearth/porch-sat/satellite', '');
    expect(directory.list()).toEqual([{ id: 'kitchen-sat', area: 'kitchen' }]);

    deliver('hearth/kitchen-sat/satellite', 'not json');
    deliver('hearth/kitchen-sat/satellite', '{"area":"kitchen","extra":1}');
    deliver('hearth/Bad Id/satellite', '{}');
    expect(rejected).toHaveLength(2);
    expect(directory.list()).toEqual([{ id: 'kitchen-sat', area: 'kitchen' }]);
    await directory.stop();
  });
});
