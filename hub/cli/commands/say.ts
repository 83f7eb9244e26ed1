import type { UtteranceResult } from '../../skills/runtime.js';
import { hubLocationOptions, parse } from '../args.js';
import { HubClient, locateHub } from '../client.js';
import { EXIT_FAILURE, EXIT_OK, UsageError, type CliCommand } from '../command.js';

export const sayCommand: CliCommand = {
  name: 'say',
  summary: 'Send a typed command to the running hub and print its reply',
  usage: `hearth say "<text>" [--area AREA] [--user NAME] [--dry-run] [--json]
           [--url URL] [--token TOKEN] [--data-dir DIR] [--config FILE]

  Calls POST /api/v1/utterances. --area is the room the command is "heard" in (fills "in here"),
  --user who speaks (permissions, purchases), --dry-run resolves the intent and devices and sends nothing.
  Prints the reply; --json prints the whole result (intent, slots, targets, skill, actions).
  Exit code 1 when the hub did not understand or the skill failed.`,
  async run(args, io) {
    const { values, positionals } = parse(args, {
      ...hubLocationOptions,
      area: { type: 'string' },
      user: { type: 'string' },
      'dry-run': { type: 'boolean' },
    });
    const text = positionals.join(' ').trim();
    if (!text) throw new UsageError('say what? Put the command in quotes: hearth say "turn on the kitchen light"');
    const client = new HubClient(locateHub(values, io));
    const result = await client.request<UtteranceResult>('POST', '/utterances', {
      text,
      ...(values.area ? { area: values.area } : {}),
      ...(values.user ? { user: values.user } : {}),
      ...(values['dry-run'] ? { dryRun: true } : {}),
    });
    if (values.json) io.out(JSON.stringify(result, null, 2));
    else {
      io.out(result.reply);
      if (values['dry-run'] && result.intent) {
        const slots = Object.entries(result.intent.slots)
          .map(([k, v]) => `${k}=${String(v)}`)
          .join(' ');
        io.out(`(dry run) ${result.intent.name} ${slots} → ${result.targets.join(', ') || 'no devices'}`);
      }
    }
    return result.intent && !result.error ? EXIT_OK : EXIT_FAILURE;
  },
};
