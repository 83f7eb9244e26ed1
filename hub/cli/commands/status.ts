import type { StatusReport } from '../../api/types.js';
import { hubLocationOptions, parse } from '../args.js';
import { HubClient, locateHub } from '../client.js';
import { EXIT_OK, UsageError, type CliCommand } from '../command.js';

function formatUptime(ms: number): string {
  const s = Math.floor(ms / 1000);
  if (s < 120) return `${s}s`;
  if (s < 7200) return `${Math.floor(s / 60)}m`;
  return `${Math.floor(s / 3600)}h ${Math.floor((s % 3600) / 60)}m`;
}

export const statusCommand: CliCommand = {
  name: 'status',
  summary: 'Show what the running hub has and what is missing',
  usage: `hearth status [--url URL] [--token TOKEN] [--data-dir DIR] [--config FILE] [--json]

  Finds the hub through <data-dir>/hub.json (or --url) and reads the token from <data-dir>/api-token.`,
  async run(args, io) {
    const { values, positionals } = parse(args, hubLocationOptions);
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    const client = new HubClient(locateHub(values, io));
    const report = await client.request<StatusReport>('GET', '/status');
    if (values.json) {
      io.out(JSON.stringify(report, null, 2));
      return EXIT_OK;
    }
    io.out(`Hearth ${report.version} at ${client.url}: ${report.status}, up ${formatUptime(report.uptimeMs)}`);
    const width = Math.max(...Object.keys(report.components).map((n) => n.length), 8);
    for (const [name, component] of Object.entries(report.components)) {
      io.out(`  ${name.padEnd(width)}  ${component.status.padEnd(8)}  ${component.detail ?? ''}`.trimEnd());
    }
    io.out(report.missing.length > 0 ? `Missing or degraded: ${report.missing.join(', ')}` : 'Nothing missing.');
    io.out(`Dashboard: ${client.url}/ (log in with the API token: ${client.tokenFrom})`);
    return EXIT_OK;
  },
};
