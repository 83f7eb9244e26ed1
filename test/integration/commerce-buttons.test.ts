import { afterEach, describe, expect, it } from 'vitest';
import { makeRig, type Rig } from './commerce-helpers.js';

let rig: Rig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

const DAY = 86_400_000;
const buttons = [
  { id: 'coffee', sku: 'COF-POD-30', deviceId: 'dash-coffee' },
  { id: 'washer', sku: 'LAU-POD-40', gpio: { pin: 17 } },
];

describe('reorder buttons, replenishment and the pantry box', () => {
  it('10 presses within 3 s make 1 order, and the owner is told why', async () => {
    rig = await makeRig({ buttons });
    const outcomes = [];
    for (let i = 0; i < 10; i++) {
      outcomes.push(rig.service.pressButton('coffee'));
      rig.clock.advance(300);
      await rig.service.syncNow();
    }
    expect(outcomes.filter((o) => o.status === 'created')).toHaveLength(1);
    expect(rig.sim.ledger.summary().totalOrders).toBe(1);
    expect(rig.events.notification.filter((m) => /pressed again, not ordering/.test(m))).toHaveLength(9);
  });

  it('one press a day for a week with deliveries in between makes 7 orders', async () => {
    rig = await makeRig({ buttons }, { times: { shipAfterMs: 6 * 3600_000, deliverAfterMs: 20 * 3600_000 } });
    for (let day = 0; day < 7; day++) {
      rig.service.pressButton('coffee');
      rig.service.pressButton('coffee'); // a second press the same minute is swallowed
      await rig.service.syncNow();
      rig.clock.advance(DAY);
      await rig.service.syncNow();
    }
    expect(rig.sim.ledger.summary().totalOrders).toBe(7);
    expect(rig.service.orders().every((o) => o.status === 'delivered')).toBe(true);
  });

  it('presses arriving from an MQTT dash button (deviceEvent) order too; GPIO inaccessibility is logged and the hub runs on', async () => {
    rig = await makeRig({ buttons });
    expect(rig.logs.some((l) => /GPIO is not accessible on this machine/.test(l))).toBe(true);
    rig.bus.emit('deviceEvent', { deviceId: 'dash-coffee', type: 'button_pressed', data: {} });
    await rig.service.syncNow();
    expect(rig.service.orders()).toHaveLength(1);
    expect(rig.sim.ledger.list()[0]?.lines[0]?.sku).toBe('COF-POD-30');
  });

  it('a button bound to a child is refused and nothing reaches the marketplace', async () => {
    rig = await makeRig({ buttons: [{ id: 'kid', sku: 'PET-CAT-2KG', user: 'mia' }] });
    const outcome = rig.service.pressButton('kid');
    expect(outcome.status).toBe('refused');
    expect(outcome.message).toMatch(/Mia is a child/);
    await rig.service.syncNow();
    expect(rig.sim.ledger.summary().totalOrders).toBe(0);
  });

  it('replenishment: notify-only tells, auto-order orders once per low episode', async () => {
    rig = await makeRig({
      replenishment: [
        {
          id: 'det',
          deviceId: 'washer',
          consumable: 'detergent',
          stateKey: 'detergent_level',
          belowPercent: 15,
          sku: 'LAU-LIQ-3L',
          mode: 'auto',
        },
        { id: 'ink', deviceId: 'printer', consumable: 'ink', belowPercent: 10, sku: 'OFF-INK-BLK', mode: 'notify' },
      ],
    });
    rig.bus.emit('deviceStateChanged', {
      deviceId: 'washer',
      state: { detergent_level: 40 },
      changed: { detergent_level: 40 },
    });
    rig.bus.emit('deviceStateChanged', {
      deviceId: 'washer',
      state: { detergent_level: 12 },
      changed: { detergent_level: 12 },
    });
    rig.bus.emit('deviceStateChanged', {
      deviceId: 'washer',
      state: { detergent_level: 8 },
      changed: { detergent_level: 8 },
    });
    rig.bus.emit('deviceEvent', { deviceId: 'printer', type: 'consumable_low', data: { consumable: 'ink', level: 5 } });
    await rig.service.syncNow();
    const ledger = rig.sim.ledger.list();
    expect(ledger.map((o) => o.lines[0]?.sku)).toEqual(['LAU-LIQ-3L']);
    expect(rig.events.notification.some((m) => /ink on printer is at 5%/.test(m))).toBe(true);
  });

  it('pantry box collects small items and is sent as one order when full', async () => {
    rig = await makeRig({ pantryBox: { capacityMl: 3000, maxWeightG: 10_000 } });
    const s = rig.service;
    expect(() => s.addToPantry('PAP-TP-24', 1)).toThrow(/too big for the pantry box/);
    expect(s.addToPantry('PAN-PASTA-500', 2).sent).toBeUndefined();
    const full = s.addToPantry('MLK-WHL-1L', 1); // 900*2 + 1050 = 2850 ml: not yet
    expect(full.sent).toBeUndefined();
    const over = s.addToPantry('PAN-RICE-1KG', 1); // would overflow: the box goes first
    expect(over.sent?.status).toBe('created');
    expect(over.fill.items.map((i) => i.sku)).toEqual(['PAN-RICE-1KG']);
    await s.syncNow();
    const [order] = rig.sim.ledger.list();
    expect(order?.lines.map((l) => [l.sku, l.quantity])).toEqual([
      ['PAN-PASTA-500', 2],
      ['MLK-WHL-1L', 1],
    ]);
    s.sendPantryBox();
    await s.syncNow();
    expect(rig.sim.ledger.summary().totalOrders).toBe(2);
  });

  it('suggests from the household history only', async () => {
    rig = await makeRig();
    const s = rig.service;
    expect(s.suggestions()).toEqual([]);
    for (let i = 0; i < 3; i++) {
      await s.confirmOrder(s.prepareOrder({ product: 'coffee', userId: 'alex' }).confirmationToken);
      rig.clock.advance(21 * DAY);
    }
    const [suggestion] = s.suggestions();
    expect(suggestion?.sku).toBe('COF-BEAN-1KG');
    expect(suggestion?.message).toMatch(/every 3 weeks/);
  });
});
