import { describe, expect, it } from 'vitest';
import { coverBehavior } from '../../device-types/cover/simulator.js';
import type { SimulatedDevice } from '../../firmware-sim/core/simulated-device.js';
import { lightBehavior } from '../../device-types/light/simulator.js';
import { lockBehavior } from '../../device-types/lock/simulator.js';
import { mediaPlayerBehavior } from '../../device-types/media_player/simulator.js';
import { plugBehavior } from '../../device-types/switch/simulator.js';
import { climateBehavior } from '../../device-types/climate/simulator.js';
import { vehicleBehavior } from '../../device-types/vehicle/simulator.js';
import { vacuumBehavior } from '../../device-types/vacuum/simulator.js';
import { useSimBench } from './sim-fixture.js';

const sim = useSimBench();

function run(id: string, behavior: unknown): Promise<SimulatedDevice> {
  return sim.device(id, behavior, { connection: { username: id, password: 'pw' }, delay: { minMs: 1, maxMs: 5 } });
}

describe('native simulated devices over a real broker', () => {
  it('a light announces itself, obeys turn_on with brightness and color, and acknowledges with its state', async () => {
    await run('kitchen-light', lightBehavior);
    await sim.hub.recorder.next((m) => m.topic === 'hearth/kitchen-light/availability' && m.payload === 'online');
    await sim.hub.recorder.next((m) => m.topic === 'hearth/kitchen-light/state');
    expect(sim.hub.lastState('kitchen-light')).toMatchObject({ on: false });

    const ack = await sim.hub.command('kitchen-light', 'turn_on', { brightness: 40, color: '#ff8800' });
    expect(ack).toMatchObject({ status: 'ok', state: { on: true, brightness: 40, color: '#ff8800' } });
    await sim.hub.recorder.next(
      (m) => m.topic === 'hearth/kitchen-light/state' && m.payload.includes('"brightness":40'),
    );

    const toggled = await sim.hub.command('kitchen-light', 'toggle');
    expect(toggled).toMatchObject({ status: 'ok', state: { on: false } });
  });

  it('rejects out-of-range params and unknown commands with coded errors', async () => {
    await run('hall-light', lightBehavior); // its own light: the kitchen light belongs to the test above, which may run after this one
    const bad = await sim.hub.command('hall-light', 'turn_on', { brightness: 140 });
    expect(bad.status).toBe('error');
    if (bad.status === 'error') {
      expect(bad.error.code).toBe('VALIDATION_FAILED');
      expect(bad.error.message).toContain('brightness');
    }
    const unknown = await sim.hub.command('hall-light', 'set_position', { position: 3 });
    expect(unknown).toMatchObject({ status: 'error', error: { code: 'UNSUPPORTED_COMMAND' } });
  });

  it('a plug reports its power draw when on', async () => {
    await run('kettle', plugBehavior({ loadW: 2000 }));
    const ack = await sim.hub.command('kettle', 'turn_on');
    expect(ack.status).toBe('ok');
    const power = ack.status === 'ok' ? (ack.state?.power_w as number) : 0;
    expect(power).toBeGreaterThan(1900);
    expect(power).toBeLessThan(2100);
    expect(await sim.hub.command('kettle', 'turn_off')).toMatchObject({ state: { on: false, power_w: 0 } });
  });

  it('a thermostat takes a new target temperature and a mode', async () => {
    await run('bedroom-thermostat', climateBehavior());
    expect(await sim.hub.command('bedroom-thermostat', 'set_temperature', { temperature: 22.5 })).toMatchObject({
      state: { target_temperature: 22.5, hvac_action: 'heating' },
    });
    expect(await sim.hub.command('bedroom-thermostat', 'set_hvac_mode', { hvac_mode: 'off' })).toMatchObject({
      state: { hvac_mode: 'off', hvac_action: 'off', on: false },
    });
    expect(await sim.hub.command('bedroom-thermostat', 'set_hvac_mode', { hvac_mode: 'sauna' })).toMatchObject({
      status: 'error',
    });
  });

  it('a lock unlocks, refuses to lock an open door, then locks once it is closed', async () => {
    const lock = await run('front-door', lockBehavior({ code: '2468' }));
    expect(await sim.hub.command('front-door', 'unlock')).toMatchObject({
      status: 'error',
      error: { code: 'DEVICE_REJECTED' },
    });
    expect(await sim.hub.command('front-door', 'unlock', { code: '2468' })).toMatchObject({
      state: { locked: false, lock_state: 'unlocked' },
    });
    expect(lock.perform('open_door').ok).toBe(true);
    expect(await sim.hub.command('front-door', 'lock')).toMatchObject({
      status: 'error',
      error: { code: 'DEVICE_REJECTED' },
    });
    lock.perform('close_door');
    expect(await sim.hub.command('front-door', 'lock')).toMatchObject({
      status: 'ok',
      state: { locked: true, lock_state: 'locked' },
    });
  });

  it('a cover starts moving on open and reports the target, then its position rises', async () => {
    await run('garage-door', coverBehavior({ travelSeconds: 1, deviceClass: 'garage' }));
    expect(await sim.hub.command('garage-door', 'open')).toMatchObject({
      state: { state: 'opening', target_position: 100 },
    });
    await sim.hub.recorder.next(
      (m) => m.topic === 'hearth/garage-door/state' && m.payload.includes('"state":"open"'),
      30_000, // 1 s of travel; a ceiling for a hang only
    );
    expect(sim.hub.lastState('garage-door')).toMatchObject({ position: 100, state: 'open' });
  });

  it('a media player plays a search query, skips, sets the volume and pauses', async () => {
    await run('living-room-speaker', mediaPlayerBehavior);
    expect(await sim.hub.command('living-room-speaker', 'media_play')).toMatchObject({
      status: 'error',
      error: { code: 'DEVICE_REJECTED' },
    });
    expect(
      await sim.hub.command('living-room-speaker', 'play_media', { search_query: 'rainy day jazz' }),
    ).toMatchObject({
      state: { state: 'playing', media_query: 'rainy day jazz', queue_position: 1 },
    });
    expect(await sim.hub.command('living-room-speaker', 'media_next')).toMatchObject({ state: { queue_position: 2 } });
    expect(await sim.hub.command('living-room-speaker', 'set_volume', { volume_level: 55 })).toMatchObject({
      state: { volume_level: 55 },
    });
    expect(await sim.hub.command('living-room-speaker', 'media_pause')).toMatchObject({ state: { state: 'paused' } });
  });

  it('a car unlocks, starts climate at a temperature, starts the engine and refuses to lock with a door open', async () => {
    const car = await run('car', vehicleBehavior({ powertrain: 'electric' }));
    await sim.hub.recorder.next((m) => m.topic === 'hearth/car/state');
    expect(sim.hub.lastState('car')).toMatchObject({
      locked: true,
      battery_percent: 78,
      doors: { front_left: 'closed' },
    });
    expect(await sim.hub.command('car', 'unlock')).toMatchObject({ state: { locked: false } });
    expect(await sim.hub.command('car', 'climate_on', { temperature: 22 })).toMatchObject({
      state: { climate_on: true, target_temperature: 22 },
    });
    expect(await sim.hub.command('car', 'engine_start')).toMatchObject({ state: { engine_on: true } });
    car.perform('open_door', { door: 'trunk' });
    const refused = await sim.hub.command('car', 'lock');
    expect(refused).toMatchObject({ status: 'error', error: { code: 'DEVICE_REJECTED' } });
    if (refused.status === 'error') expect(refused.error.message).toContain('trunk');
  });

  it('a fuel car reports fuel instead of battery', async () => {
    await run('van', vehicleBehavior({ powertrain: 'combustion' }));
    await sim.hub.recorder.next((m) => m.topic === 'hearth/van/state');
    const state = sim.hub.lastState('van');
    expect(state).toHaveProperty('fuel_percent');
    expect(state).not.toHaveProperty('battery_percent');
  });

  it('a vacuum starts cleaning and heads back to its dock', async () => {
    await run('robot-vacuum', vacuumBehavior());
    expect(await sim.hub.command('robot-vacuum', 'start')).toMatchObject({ state: { state: 'cleaning' } });
    expect(await sim.hub.command('robot-vacuum', 'return_to_base')).toMatchObject({ state: { state: 'returning' } });
  });
});
