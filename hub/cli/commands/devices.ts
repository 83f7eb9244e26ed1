import type { Device } from '../../sdk/devices.js';
import { DEVICE_TYPES } from '../../../device-types/index.js';
import { hubLocationOptions, parse } from '../args.js';
import { HubClient, locateHub } from '../client.js';
import { EXIT_OK, UsageError, type CliCommand, type CliIo } from '../command.js';
import { printTable } from '../table.js';

const usage = `hearth devices list [--type TYPE] [--area AREA] [--json]
hearth devices add <id> --name NAME --type TYPE [--area AREA] [--alias ALIAS]... [--device-class CLASS]
hearth devices remove <id>

  TYPE is one of: ${DEVICE_TYPES.join(', ')}
  Every form also takes --url, --token, --data-dir, --config to find the hub.`;

function stateSummary(device: Device): string {
  const entries = Object.entries(device.state)
    .slice(0, 4)
    .map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : String(v)}`);
  return entries.join(' ');
}

function printDevices(devices: Device[], io: CliIo): void {
  if (devices.length === 0) {
    io.out('No devices. Add one with: hearth devices add <id> --name NAME --type TYPE');
    return;
  }
  const rows = devices.map((d) => [d.id, d.type, d.area ?? '-', d.available ? 'online' : 'offline', stateSummary(d)]);
  printTable(['ID', 'TYPE', 'AREA', 'STATUS', 'STATE'], rows, (line) => io.out(line));
}

export const devicesCommand: CliCommand = {
  name: 'devices',
  summary: 'List, add or remove devices',
  usage,
  async run(args, io) {
    const [action, ...rest] = args;
    const { values, positionals } = parse(rest, {
      ...hubLocationOptions,
      type: { type: 'string' },
      area: { type: 'string' },
      name: { type: 'string' },
      alias: { type: 'string', multiple: true },
      'device-class': { type: 'string' },
    });
    const client = () => new HubClient(locateHub(values, io));
    switch (action) {
      case 'list': {
        if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
        const query = new URLSearchParams();
        if (values.type) query.set('type', values.type);
        if (values.area) query.set('area', values.area);
        const devices = await client().request<Device[]>('GET', `/devices${query.size > 0 ? `?${query}` : ''}`);
        if (values.json) io.out(JSON.stringify(devices, null, 2));
        else printDevices(devices, io);
        return EXIT_OK;
      }
      case 'add': {
        const [id, extra] = positionals;
        if (!id || extra !== undefined) throw new UsageError('devices add takes exactly one device id');
        if (!values.name || !values.type) throw new UsageError('devices add needs --name and --type');
        if (!(DEVICE_TYPES as readonly string[]).includes(values.type))
          throw new UsageError(`--type must be one of ${DEVICE_TYPES.join(', ')} (got "${values.type}")`);
        const body = {
          id,
          name: values.name,
          type: values.type,
          ...(values.area ? { area: values.area } : {}),
          ...(values.alias ? { aliases: values.alias } : {}),
          ...(values['device-class'] ? { deviceClass: values['device-class'] } : {}),
        };
        const device = await client().request<Device>('POST', '/devices', body);
        io.out(
          values.json
            ? JSON.stringify(device, null, 2)
            : `Added ${device.type} "${device.name}" (${device.id}). Give it MQTT access with: hearth credentials create ${device.id}`,
        );
        return EXIT_OK;
      }
      case 'remove': {
        const [id, extra] = positionals;
        if (!id || extra !== undefined) throw new UsageError('devices remove takes exactly one device id');
        await client().request<void>('DELETE', `/devices/${encodeURIComponent(id)}`);
        io.out(`Removed ${id}.`);
        return EXIT_OK;
      }
      default:
        throw new UsageError(
          action
            ? `unknown devices action "${action}" (use list, add or remove)`
            : 'devices needs an action: list, add or remove',
        );
    }
  },
};
