import type { DriverInput } from '../sdk/index.js';

type AvailabilityInput = Extract<DriverInput, { kind: 'availability' }>;

/**
 * Combines several availability topics of one device (Home Assistant `availability_mode`):
 * `all` → online only when every topic that has spoken says online, `any` → online when one does,
 * `latest` → the last message decides.
 */
export class AvailabilityChannels {
  private readonly byDevice = new Map<string, Map<string, boolean>>();

  combine(deviceId: string, input: AvailabilityInput): boolean {
    if (!input.channel || !input.mode || input.mode === 'latest') return input.available;
    let channels = this.byDevice.get(deviceId);
    if (!channels) {
      channels = new Map();
      this.byDevice.set(deviceId, channels);
    }
    channels.set(input.channel, input.available);
    const values = [...channels.values()];
    return input.mode === 'all' ? values.every(Boolean) : values.some(Boolean);
  }

  forget(deviceId: string): void {
    this.byDevice.delete(deviceId);
  }

  clear(): void {
    this.byDevice.clear();
  }
}
