/** What the smart-home skill says and does for humidifiers. */
import type { Device, DeviceSpeech, IntentAction } from '../../hub/sdk/index.js';
import { SWITCHED_ON_OFF } from '../../hub/sdk/index.js';

export const humidifierSpeech: DeviceSpeech = {
  onOff: SWITCHED_ON_OFF,
  describeState(device: Device) {
    const s = device.state;
    if (typeof s.on !== 'boolean') return undefined;
    const name = `The ${device.name.toLowerCase()}`;
    const air = typeof s.current_humidity === 'number' ? ` The air is at ${s.current_humidity} percent.` : '';
    if (!s.on) return `${name} is off.${air}`;
    const target = typeof s.target_humidity === 'number' ? `, set to ${s.target_humidity} percent` : '';
    const mode = typeof s.mode === 'string' ? ` in ${s.mode.replace(/_/g, ' ')} mode` : '';
    return `${name} is on${target}${mode}.${air}`;
  },
};

export const setHumidity: IntentAction = {
  command: (intent) => ({ command: 'set_humidity', params: { humidity: Number(intent.slots.humidity) } }),
  done: (intent) => `Set to ${intent.slots.humidity} percent humidity:`,
};

export const setMode: IntentAction = {
  command: (intent) =>
    typeof intent.slots.mode === 'string' ? { command: 'set_mode', params: { mode: intent.slots.mode } } : undefined,
  done: (intent) => `Switched to ${String(intent.slots.mode).replace(/_/g, ' ')} mode:`,
};
