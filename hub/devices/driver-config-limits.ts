/**
 * A driver config (e.g. what a Home Assistant discovery config announced) describes a device; it is no stream, so
 * it gets the state's depth but room for the largest discovery config accepted (64 KiB) rather than the state's
 * size. It is copied on every GET /devices and written with the device: nested deeply enough, it would overflow
 * the stack there and leave the device list failing for good (found by re-running the issue 13 probe).
 */
import { HubError, type Device } from '../sdk/index.js';
import { measureValue, type StateLimits } from './state-limits.js';

export const DRIVER_CONFIG_MAX_KEYS = 2048;
export const DRIVER_CONFIG_MAX_BYTES = 64 * 1024;

export function driverConfigProblem(config: unknown, limits: StateLimits): string | undefined {
  const size = measureValue(config, {
    maxDepth: limits.maxDepth,
    maxKeys: DRIVER_CONFIG_MAX_KEYS,
    maxBytes: DRIVER_CONFIG_MAX_BYTES,
  });
  return typeof size === 'string' ? `driverConfig is ${size}` : undefined;
}

/** Throws VALIDATION_FAILED for a driver config over the limits; called before anything of the device is stored. */
export function checkDriverConfig(
  config: Record<string, unknown> | undefined,
  deviceId: string,
  limits: StateLimits,
): void {
  const problem = config === undefined ? undefined : driverConfigProblem(config, limits);
  if (problem) {
    throw new HubError(
      'VALIDATION_FAILED',
      `Invalid device "${deviceId}": ${problem} (a driver config may be nested as deep as deviceState.maxDepth, with ${DRIVER_CONFIG_MAX_KEYS} keys and 64 KiB of JSON at most).`,
    );
  }
}

/**
 * A driver config an older hub stored over the limits is dropped (its discovery topic kept, so the device's next
 * announcement replaces it); returns why, or undefined when it was within them.
 */
export function dropStoredDriverConfig(device: Device, limits: StateLimits): string | undefined {
  const problem = device.driverConfig === undefined ? undefined : driverConfigProblem(device.driverConfig, limits);
  if (!problem) return undefined;
  const topic = device.driverConfig?.discovery_topic;
  if (typeof topic === 'string') device.driverConfig = { discovery_topic: topic };
  else delete device.driverConfig;
  return problem;
}
