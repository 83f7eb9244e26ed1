import { hubLocationOptions, parse } from '../args.js';
import { HubClient, locateHub } from '../client.js';
import { EXIT_OK, UsageError, type CliCommand } from '../command.js';

export const passwordCommand: CliCommand = {
  name: 'password',
  summary: "Set a household user's dashboard password",
  usage: `hearth password <userId>

  Asks for the new password without showing it, or reads the first line of stdin when piped:
    echo "$NEW_PASSWORD" | hearth password anna
  Uses the API token (HEARTH_API_TOKEN or <dataDir>/api-token). The user's other sessions end.`,
  async run(args, io) {
    const { values, positionals } = parse(args, hubLocationOptions);
    const [userId, extra] = positionals;
    if (!userId || extra !== undefined)
      throw new UsageError('password takes exactly one user id (see users in config or the dashboard)');
    if (!io.readSecret) throw new UsageError('no way to read a password here; pipe it on stdin');
    const password = await io.readSecret(`New password for ${userId}: `);
    if (!password) throw new UsageError('the password is empty; nothing was changed');
    const client = new HubClient(locateHub(values, io));
    await client.request('PUT', `/users/${encodeURIComponent(userId)}/password`, { password });
    io.out(`Password set for ${userId}; their other sessions were ended.`);
    return EXIT_OK;
  },
};
