/** What the smart-home skill says and does for lawn mowers: "turn on" sends it mowing, "turn off" sends it home. */
import type { Device, DeviceSpeech, IntentAction } from '../../hub/sdk/index.js';

const SAID: Record<string, string> = {
  mowing: 'mowing',
  paused: 'paused',
  returning: 'on its way back to the dock',
  docked: 'on its dock',
  error: 'stuck',
};

export const lawnMowerSpeech: DeviceSpeech = {
  onOff: { on: { command: 'start_mowing' }, off: { command: 'dock' }, doneOn: 'Started', doneOff: 'Sent home' },
  isOn: (state) => state.activity === 'mowing',
  describeState(device: Device) {
    const s = device.state;
    if (typeof s.activity !== 'string') return undefined;
    const name = `The ${device.name.toLowerCase()}`;
    const what = SAID[s.activity] ?? s.activity;
    const why = s.activity === 'error' && typeof s.error === 'string' ? `: ${s.error}` : '';
    const battery = typeof s.battery_percent === 'number' ? `, battery ${Math.round(s.battery_percent)} percent` : '';
    return `${name} is ${what}${why}${battery}.`;
  },
};

export const startMowing: IntentAction = { command: () => ({ command: 'start_mowing' }), done: () => 'Started' };
export const dock: IntentAction = { command: () => ({ command: 'dock' }), done: () => 'Sent home' };
