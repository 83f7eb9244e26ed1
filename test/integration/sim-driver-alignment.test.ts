import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { genericStateSchema } from '../../device-drivers/native/protocol.js';
import { STATE_SCHEMA_BY_TYPE } from '../../device-drivers/testing/state-schemas.js';
import { deviceKinds } from '../../firmware-sim/devices/catalog.js';
import { commandsOf, deviceTypeOf } from '../../device-types/index.js';
import type { RunnableDevice } from '../../firmware-sim/core/simulated-device.js';
import { HubRole } from '../../firmware-sim/testing/hub-role.js';
import { LoopbackBroker } from '../../firmware-sim/testing/loopback-broker.js';

/** The state schema the hub's driver for each type validates with. */
const schemaFor = STATE_SCHEMA_BY_TYPE;

const broker = new LoopbackBroker();
let hub: HubRole;
const running: RunnableDevice[] = [];

beforeAll(async () => {
  await broker.start();
  hub = await HubRole.attach(await broker.client());
});

afterAll(async () => {
  await Promise.all(running.map((d) => d.stop()));
  await broker.stop();
});

describe('simulated firmware speaks what the hub drivers expect', () => {
  const native = [...deviceKinds.values()].filter((k) => k.protocol === 'hearth');

  it.each(native.map((k) => [k.kind, k] as const))(
    '%s: published and acknowledged states pass the driver schema',
    async (_name, kind) => {
      const id = `align-${kind.kind.replace(/_/g, '-')}`;
      const device = kind.create({
        id,
        connection: { url: broker.url, reconnectPeriodMs: 0 },
        delay: { minMs: 1, maxMs: 2 },
      });
      running.push(device);
      await device.start();
      const first = await hub.recorder.next((m) => m.topic === `hearth/${id}/state`);
      const schema = schemaFor[kind.type] ?? genericStateSchema;
      expect(schema.safeParse(JSON.parse(first.payload)).error).toBeUndefined();

      if (!commandsOf(kind.type).length) return; // sensors take no commands
      // The type's simulator names the command that changes the most attributes.
      const [command, params] = (await deviceTypeOf(kind.type)?.simulator?.())?.exercise ?? [];
      expect(command, `no command to exercise a ${kind.type}`).toBeDefined();
      const ack = await hub.command(id, command!, params);
      expect(ack.status).toBe('ok');
      if (ack.status === 'ok') expect(schema.safeParse(ack.state).error).toBeUndefined();
    },
  );
});
