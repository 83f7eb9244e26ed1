/**
 * The generic native driver: any device type on the Hearth protocol (hub/sdk/protocol.ts),
 * for types without a dedicated driver (fan, vacuum, valve, button, scene, …).
 * Commands are the type's vocabulary (device-types/<type>/: `commands`); params must be a JSON object.
 */
import { z } from 'zod';

export const genericStateSchema = z.record(z.string(), z.unknown());
export const genericParamsSchema = z.record(z.string(), z.unknown());
