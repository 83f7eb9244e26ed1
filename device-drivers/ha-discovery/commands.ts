/**
 * Hearth commands → Home Assistant discovery publishes, as the component's type maps them (mapped.ts). Discovery
 * devices send no ack: the acknowledgement is the state topic reporting the commanded value, or, with no state
 * topic, the command is optimistic (done once published), as Home Assistant itself treats such entities.
 */
import { unsupportedCommand, type CommandPlan, type DeviceCommand, type DriverDevice } from '../../hub/sdk/index.js';
import type { CompiledConfig } from './config.js';
import { mappedCommand, mappingFor } from './mapped.js';

export function haCommand(cfg: CompiledConfig, device: DriverDevice, command: DeviceCommand): CommandPlan {
  const mapping = mappingFor(cfg.component);
  if (!mapping) throw unsupportedCommand(device, command.command, []);
  return mappedCommand(cfg, mapping, device, command);
}
