import { afterEach, describe, expect, it } from 'vitest';
import { CommerceService } from '../../hub/commerce/service.js';
import type { GpioModule } from '../../hub/commerce/gpio-buttons.js';
import { commerceConfigSchema } from '../../hub/commerce/config.js';
import { createLogger } from '../../hub/core/logger.js';
import { HOUSEHOLD, makeRig, type Rig } from './commerce-helpers.js';

/** The Pi's GPIO pins, faked at the edge of the machine: a test "presses" a pin that is being watched. */
function fakeGpio() {
  const watched = new Map<number, (err: Error | null, value: number) => void>();
  const released: number[] = [];
  class Gpio {
    static accessible = true;
    constructor(readonly pin: number) {
      if (watched.has(pin)) throw new Error(`EBUSY: pin ${pin} is already exported`);
    }
    watch(cb: (err: Error | null, value: number) => void) {
      watched.set(this.pin, cb);
    }
    unexport() {
      watched.delete(this.pin);
      released.push(this.pin);
    }
  }
  return {
    module: { Gpio } as unknown as GpioModule,
    watched,
    released,
    press(pin: number): boolean {
      const cb = watched.get(pin);
      cb?.(null, 1);
      return cb !== undefined;
    },
  };
}

const configButtons = [{ id: 'washer', sku: 'LAU-POD-40', gpio: { pin: 17 } }];
let rig: Rig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

describe('GPIO reorder buttons', () => {
  it('an edited button is re-wired to its new pin without a restart, and a restart keeps the edit', async () => {
    const gpio = fakeGpio();
    rig = await makeRig({ buttons: configButtons }, {}, { loadGpio: async () => gpio.module });
    expect([...gpio.watched.keys()]).toEqual([17]);
    expect(gpio.press(17)).toBe(true);
    await rig.service.syncNow();
    expect(rig.sim.ledger.list().map((o) => o.lines[0]?.sku)).toEqual(['LAU-POD-40']);

    const presses: string[] = [];
    rig.bus.on('buttonPressed', (e) => presses.push(`${e.buttonId} via ${e.source}`));
    rig.service.settings.update({
      buttons: [
        { id: 'washer', sku: 'LAU-POD-40', gpio: { pin: 22 } },
        { id: 'coffee', sku: 'COF-POD-30', gpio: { pin: 27 } },
      ],
    });
    await new Promise((r) => setImmediate(r));
    expect([...gpio.watched.keys()].sort()).toEqual([22, 27]);
    expect(gpio.released).toContain(17);
    expect(gpio.press(17)).toBe(false);
    expect(gpio.press(22)).toBe(true);
    expect(gpio.press(27)).toBe(true);
    expect(presses).toEqual(['washer via gpio', 'coffee via gpio']);
    await rig.service.syncNow();
    expect(
      rig.sim.ledger
        .list()
        .map((o) => o.lines[0]?.sku)
        .sort(),
    ).toEqual(['COF-POD-30', 'LAU-POD-40']);

    // Another service on the same database (the hub after a restart) wires the stored pin, not the config's.
    await rig.service.stop();
    expect(gpio.watched.size).toBe(0);
    const restarted = fakeGpio();
    const again = new CommerceService({
      db: rig.db,
      bus: rig.bus,
      log: createLogger('silent'),
      clock: rig.clock,
      loadGpio: async () => restarted.module,
      config: commerceConfigSchema.parse({ ...HOUSEHOLD, buttons: configButtons }),
    });
    await again.start();
    expect([...restarted.watched.keys()].sort()).toEqual([22, 27]);
    await again.stop();
    await rig.service.start();
  });

  it('two quick edits leave each pin watched once', async () => {
    const gpio = fakeGpio();
    rig = await makeRig(
      { buttons: [{ id: 'washer', sku: 'LAU-POD-40', gpio: { pin: 17 } }] },
      {},
      { loadGpio: async () => gpio.module },
    );
    rig.service.settings.update({ buttons: [{ id: 'washer', sku: 'LAU-POD-40', gpio: { pin: 5 } }] });
    rig.service.settings.update({
      buttons: [
        { id: 'washer', sku: 'LAU-POD-40', gpio: { pin: 6 } },
        { id: 'tea', sku: 'COF-POD-30', gpio: { pin: 5 } },
      ],
    });
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    expect([...gpio.watched.keys()].sort()).toEqual([5, 6]);
    expect(rig.logs.some((l) => /could not open GPIO pin/.test(l))).toBe(false);
  });
});
