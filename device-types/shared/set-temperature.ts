/** HassClimateSetTemperature for anything with a target temperature (thermostats, a car's cabin). */
import type { Device, Intent, IntentAction } from '../../hub/sdk/index.js';

/** "make it warmer" carries `temperature_delta` (±1) instead of a temperature: step from the current target. */
function targetTemperature(intent: Intent, device: Device): number | undefined {
  const { temperature, temperature_delta: delta } = intent.slots;
  if (temperature !== undefined) return Number(temperature);
  const current = device.state.target_temperature;
  if (typeof delta !== 'number' || typeof current !== 'number') return undefined;
  return current + delta;
}

export const setTemperature: IntentAction = {
  command(intent, device) {
    const temperature = targetTemperature(intent, device);
    return temperature === undefined ? undefined : { command: 'set_temperature', params: { temperature } };
  },
  done(intent, device) {
    const temperature = targetTemperature(intent, device);
    return intent.slots.temperature === undefined
      ? `Set to ${temperature} degrees (${Number(intent.slots.temperature_delta) > 0 ? 'warmer' : 'cooler'}):`
      : `Set to ${temperature} degrees:`;
  },
};
