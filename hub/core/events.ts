import type { Device, DeviceState } from '../sdk/devices.js';
import type { Intent } from '../sdk/intents.js';

/**
 * Everything that happens in the hub, by name. Modules add their events here;
 * the API streams them to WebSocket clients.
 */
export interface HubEvents {
  deviceAdded: { device: Device };
  deviceUpdated: { device: Device };
  deviceRemoved: { deviceId: string };
  deviceStateChanged: { deviceId: string; state: DeviceState; changed: DeviceState };
  deviceAvailabilityChanged: { deviceId: string; available: boolean };
  /** A device published on its event topic (button pressed, consumable low, program done…). */
  deviceEvent: { deviceId: string; type: string; data: Record<string, unknown> };
  commandSent: { deviceId: string; correlationId: string; command: string; params?: Record<string, unknown> };
  commandCompleted: { deviceId: string; correlationId: string; ok: boolean; error?: string; ms: number };
  /** Input the hub rejected: kept for the log and for tests that count rejections. */
  inputRejected: { source: 'mqtt' | 'http' | 'skill' | 'voice'; reason: string; topic?: string; clientId?: string };
  utteranceHandled: { text: string; intent?: Intent; reply: string; area?: string; timings?: Record<string, number> };
  buttonPressed: { buttonId: string; source: 'gpio' | 'mqtt' | 'api' };
  orderChanged: { orderId: string; status: string };
  notification: { message: string; area?: string };
}
