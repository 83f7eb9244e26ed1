import type { IssuedCredential } from '../../mqtt/contracts.js';
import { hubLocationOptions, parse } from '../args.js';
import { HubClient, locateHub } from '../client.js';
import { EXIT_OK, UsageError, type CliCommand } from '../command.js';

export const credentialsCommand: CliCommand = {
  name: 'credentials',
  summary: 'Create MQTT credentials for a device',
  usage: `hearth credentials create <deviceId> [--extra-topic FILTER]... [--json]

  Prints the MQTT username and password; the password is shown only once (it is stored hashed).
  --extra-topic lets the device use more of its own topics than hearth/<deviceId>/: <root>/<deviceId>/…
  (e.g. plugs/<deviceId>/#) and its discovery topics homeassistant/<component>/<deviceId>/….
  The device must be registered, unless it announces itself (a homeassistant/… extra topic).`,
  async run(args, io) {
    const [action, ...rest] = args;
    const { values, positionals } = parse(rest, {
      ...hubLocationOptions,
      'extra-topic': { type: 'string', multiple: true },
    });
    if (action !== 'create')
      throw new UsageError(
        action ? `unknown credentials action "${action}" (use create)` : 'credentials needs an action: create',
      );
    const [deviceId, extra] = positionals;
    if (!deviceId || extra !== undefined) throw new UsageError('credentials create takes exactly one device id');
    const client = new HubClient(locateHub(values, io));
    const body = values['extra-topic'] ? { extraTopics: values['extra-topic'] } : {};
    const issued = await client.request<IssuedCredential>(
      'POST',
      `/devices/${encodeURIComponent(deviceId)}/credentials`,
      body,
    );
    if (values.json) {
      io.out(JSON.stringify(issued, null, 2));
      return EXIT_OK;
    }
    io.out(`MQTT credential for ${issued.deviceId} (shown once, store it in the device now):`);
    io.out(`  username: ${issued.username}`);
    io.out(`  password: ${issued.password}`);
    io.out(`  topics:   hearth/${issued.deviceId}/#${issued.extraTopics.map((t) => `, ${t}`).join('')}`);
    return EXIT_OK;
  },
};
