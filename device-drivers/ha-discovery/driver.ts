import { defineDriver, HubError } from '../../hub/sdk/index.js';
import { haCommand } from './commands.js';
import { compiledConfig } from './config.js';
import { haParse, haSubscriptions } from './state.js';

export const HA_DISCOVERY_PROTOCOL = 'ha-discovery';

/** Devices announced through Home Assistant MQTT discovery; `driverConfig` is the expanded discovery config. */
export const haDiscoveryDriver = defineDriver({
  name: 'ha-discovery',
  protocol: HA_DISCOVERY_PROTOCOL,
  handles: (device) => typeof compiledConfig(device.driverConfig) !== 'string',
  subscriptions(device) {
    const cfg = compiledConfig(device.driverConfig);
    return typeof cfg === 'string' ? [] : haSubscriptions(cfg);
  },
  parse(device, role, message) {
    const cfg = compiledConfig(device.driverConfig);
    if (typeof cfg === 'string') return { ok: false, reason: cfg };
    return haParse(cfg, role, message.payload.toString('utf8'));
  },
  command(device, command) {
    const cfg = compiledConfig(device.driverConfig);
    if (typeof cfg === 'string') {
      throw new HubError(
        'UNSUPPORTED_COMMAND',
        `${device.name} cannot be commanded: ${cfg}. Re-announce its discovery config.`,
        { deviceId: device.id },
      );
    }
    return haCommand(cfg, device, command);
  },
});
