import { afterAll, beforeAll } from 'vitest';
import type { AnyBehavior } from '../../firmware-sim/core/behavior.js';
import type { ConnectionOptions } from '../../firmware-sim/core/connection.js';
import { SimulatedDevice, type SimulatedDeviceOptions } from '../../firmware-sim/core/simulated-device.js';
import { HubRole } from '../../firmware-sim/testing/hub-role.js';
import { LoopbackBroker } from '../../firmware-sim/testing/loopback-broker.js';

export type SimDeviceOverrides = Partial<Omit<SimulatedDeviceOptions, 'id' | 'behavior' | 'connection'>> & {
  connection?: Partial<Omit<ConnectionOptions, 'url'>>;
};

/** A loopback broker, a client playing the hub's part, and every device a test file starts there. */
export interface SimBench {
  readonly broker: LoopbackBroker;
  /** Attached in beforeAll. */
  readonly hub: HubRole;
  /** Starts a native simulated device on the broker (no reconnects unless asked); stopped after the file. */
  device(id: string, behavior: unknown, overrides?: SimDeviceOverrides): Promise<SimulatedDevice>;
  /** Stops a device the test built itself along with the rest after the file. */
  track<T extends { stop(): Promise<void> }>(device: T): T;
}

/** Registers the file's beforeAll/afterAll: broker and hub role up before the tests, devices and broker down after. */
export function useSimBench(): SimBench {
  const broker = new LoopbackBroker();
  const devices: { stop(): Promise<void> }[] = [];
  let hub: HubRole | undefined;

  beforeAll(async () => {
    await broker.start();
    hub = await HubRole.attach(await broker.client());
  });

  afterAll(async () => {
    await Promise.all(devices.map((d) => d.stop()));
    await broker.stop();
  });

  const track = <T extends { stop(): Promise<void> }>(device: T): T => {
    devices.push(device);
    return device;
  };

  return {
    broker,
    get hub(): HubRole {
      if (!hub) throw new Error('the sim bench hub is attached in beforeAll; use it inside a test');
      return hub;
    },
    async device(id, behavior, overrides = {}) {
      const { connection, ...rest } = overrides;
      const device = track(
        new SimulatedDevice({
          id,
          behavior: behavior as AnyBehavior,
          connection: { url: broker.url, reconnectPeriodMs: 0, ...connection },
          ...rest,
        }),
      );
      await device.start();
      return device;
    },
    track,
  };
}
