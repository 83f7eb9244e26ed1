import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../firmware-sim/core/clock.js';
import type { SimulatedDevice } from '../../firmware-sim/core/simulated-device.js';
import { coffeeMachineBehavior, dishwasherBehavior, washerBehavior } from '../../device-types/appliance/simulator.js';
import { dashButtonBehavior } from '../../device-types/button/simulator.js';
import { TasmotaPlug } from '../../firmware-sim/devices/tasmota-plug/device.js';
import { TopicRecorder } from '../../firmware-sim/testing/loopback-broker.js';
import { useSimBench } from './sim-fixture.js';

const sim = useSimBench();

function run(id: string, behavior: unknown, clock: VirtualClock): Promise<SimulatedDevice> {
  return sim.device(id, behavior, { clock, delay: { minMs: 50, maxMs: 50 } });
}

/** Sends a command, lets 50 ms of virtual time pass once the device has it, and returns the ack. */
async function command(device: SimulatedDevice, clock: VirtualClock, name: string, params?: Record<string, unknown>) {
  const received = new Promise<void>((resolve) => device.once('command', () => resolve()));
  const ack = sim.hub.command(device.id, name, params);
  await received;
  clock.advance(50);
  return ack;
}

describe('appliances on a virtual clock', () => {
  it('a washer runs programs, uses detergent per run, and warns once the level drops below the threshold', async () => {
    const clock = new VirtualClock();
    const washer = await run(
      'washer',
      washerBehavior({ programs: { quick: 1800, cotton: 7200 }, consumables: { detergent: { initial: 30 } } }),
      clock,
    );
    const first = await command(washer, clock, 'start_program', { program: 'quick' });
    expect(first).toMatchObject({
      status: 'ok',
      state: { program_state: 'running', program: 'quick', consumables: { detergent_percent: 23 } },
    });
    expect(await command(washer, clock, 'start_program')).toMatchObject({
      status: 'error',
      error: { code: 'DEVICE_REJECTED' },
    });

    clock.advance(1800 * 1000);
    await sim.hub.recorder.next((m) => m.topic === 'hearth/washer/event' && m.payload.includes('program_done'));
    expect(washer.state).toMatchObject({ program_state: 'done', runs: 1 });
    expect(sim.hub.events('washer').some((e) => e.type === 'consumable_low')).toBe(false);

    await command(washer, clock, 'start_program', { program: 'cotton' });
    const low = await sim.hub.recorder.next(
      (m) => m.topic === 'hearth/washer/event' && m.payload.includes('consumable_low'),
    );
    expect(JSON.parse(low.payload)).toEqual({ type: 'consumable_low', consumable: 'detergent', level: 16 });
    expect(await command(washer, clock, 'start_program', { program: 'boil' })).toMatchObject({
      error: { code: 'VALIDATION_FAILED' },
    });
  });

  it('a washer with an empty tank refuses to start until it is refilled', async () => {
    const clock = new VirtualClock();
    const washer = await run('old-washer', washerBehavior(), clock);
    for (const expected of [29, 22, 15, 8, 1]) {
      const ack = await command(washer, clock, 'start_program', { program: 'quick' });
      expect(ack).toMatchObject({ state: { consumables: { detergent_percent: expected } } });
      await command(washer, clock, 'stop_program');
    }
    const refused = await command(washer, clock, 'start_program');
    expect(refused).toMatchObject({ status: 'error', error: { code: 'DEVICE_REJECTED' } });
    if (refused.status === 'error') expect(refused.error.message).toContain('refill');
    expect(washer.perform('refill').ok).toBe(true);
    expect(await command(washer, clock, 'start_program')).toMatchObject({
      status: 'ok',
      state: { consumables: { detergent_percent: 93 } },
    });
  });

  it('a coffee machine uses one pod per drink and reports pods running low', async () => {
    const clock = new VirtualClock();
    const coffee = await run(
      'coffee-machine',
      coffeeMachineBehavior({ consumables: { coffee_pods: { initial: 5 } } }),
      clock,
    );
    expect(await command(coffee, clock, 'start_program', { program: 'espresso' })).toMatchObject({
      state: { consumables: { pods_left: 4 } },
    });
    clock.advance(25_000);
    expect(await command(coffee, clock, 'start_program', { program: 'lungo' })).toMatchObject({
      state: { consumables: { pods_left: 3 } },
    });
    const low = await sim.hub.recorder.next(
      (m) => m.topic === 'hearth/coffee-machine/event' && m.payload.includes('consumable_low'),
    );
    expect(JSON.parse(low.payload)).toEqual({ type: 'consumable_low', consumable: 'coffee_pods', level: 3 });
  });

  it('a dishwasher uses a tablet and rinse aid per run and counts down the remaining time', async () => {
    const clock = new VirtualClock();
    const dishwasher = await run('dishwasher', dishwasherBehavior(), clock);
    expect(await command(dishwasher, clock, 'start_program', { program: 'quick' })).toMatchObject({
      state: {
        program_state: 'running',
        remaining_minutes: 40,
        consumables: { tablets_left: 13, rinse_aid_percent: 51 },
      },
    });
    // Ten and a bit minutes later the display, which rounds up, reads 30.
    clock.advance(610_000);
    expect(dishwasher.state.remaining_minutes).toBe(30);
  });

  it('a dash button emits button_pressed when pressed by hand or by command', async () => {
    const clock = new VirtualClock();
    const button = await run('coffee-button', dashButtonBehavior, clock);
    expect(button.perform('press').ok).toBe(true);
    const pressed = await sim.hub.recorder.next((m) => m.topic === 'hearth/coffee-button/event');
    expect(JSON.parse(pressed.payload)).toMatchObject({ type: 'button_pressed' });
    expect(await command(button, clock, 'press')).toMatchObject({ status: 'ok', state: { presses: 2 } });
    await sim.hub.recorder.next(() => sim.hub.events('coffee-button').length === 2);
  });
});

describe('a Home Assistant discovery plug (Tasmota-like)', () => {
  it('publishes its discovery config, obeys ON/OFF on its own topics, and has a last will', async () => {
    const plug = sim.track(
      new TasmotaPlug({
        id: 'dehumidifier',
        name: 'dehumidifier',
        connection: { url: sim.broker.url, reconnectPeriodMs: 0 },
        delay: { minMs: 1, maxMs: 3 },
      }),
    );
    const observer = await sim.broker.client();
    const seen = new TopicRecorder(observer);
    await observer.subscribeAsync(['homeassistant/#', 'plugs/#'], { qos: 1 });
    await plug.start();

    const config = JSON.parse((await seen.next((m) => m.topic === 'homeassistant/switch/dehumidifier/config')).payload);
    expect(config).toMatchObject({
      uniq_id: 'dehumidifier',
      '~': 'plugs/dehumidifier',
      cmd_t: '~/cmnd/POWER',
      stat_t: '~/stat/POWER',
      avty_t: '~/tele/LWT',
    });
    expect(config.dev.ids).toEqual(['dehumidifier']);
    await seen.next((m) => m.topic === 'plugs/dehumidifier/tele/LWT' && m.payload === 'Online');
    // The announcement ends with the state it starts in (off, 0 W); under load it can arrive after the ON below is sent.
    expect(
      JSON.parse((await seen.next((m) => m.topic === 'plugs/dehumidifier/tele/SENSOR')).payload).ENERGY.Power,
    ).toBe(0);

    seen.clear();
    await observer.publishAsync('plugs/dehumidifier/cmnd/POWER', 'ON');
    await seen.next((m) => m.topic === 'plugs/dehumidifier/stat/POWER' && m.payload === 'ON');
    const telemetry = JSON.parse((await seen.next((m) => m.topic === 'plugs/dehumidifier/tele/SENSOR')).payload);
    expect(telemetry.ENERGY.Power).toBeGreaterThan(400);

    await observer.publishAsync('plugs/dehumidifier/cmnd/POWER', 'EXPLODE');
    await observer.publishAsync('plugs/dehumidifier/cmnd/POWER', 'toggle');
    await seen.next((m) => m.topic === 'plugs/dehumidifier/stat/POWER' && m.payload === 'OFF');
    expect(plug.ignoredCommands).toBe(1);

    plug.dropConnection({ stayOffline: true });
    await seen.next((m) => m.topic === 'plugs/dehumidifier/tele/LWT' && m.payload === 'Offline');
  });
});
