import type { ButtonOutcome } from '../../commerce/service.js';
import { hubLocationOptions, parse } from '../args.js';
import { HubClient, locateHub } from '../client.js';
import { EXIT_FAILURE, EXIT_OK, UsageError, type CliCommand } from '../command.js';

export const buttonCommand: CliCommand = {
  name: 'button',
  summary: 'Press a reorder button (as if pressed by hand)',
  usage: `hearth button press <id> [--json] [--url URL] [--token TOKEN] [--data-dir DIR] [--config FILE]

  Calls POST /api/v1/commerce/buttons/<id>/press. The button is configured under commerce.buttons
  (SKU, quantity, user). A press while the button's last order has not shipped orders nothing, and says so.
  Exit code 1 when the press was refused (no user, a limit, quiet hours…).`,
  async run(args, io) {
    const [action, ...rest] = args;
    const { values, positionals } = parse(rest, hubLocationOptions);
    if (action !== 'press')
      throw new UsageError(
        action ? `unknown action "${action}"; use: hearth button press <id>` : 'which action? hearth button press <id>',
      );
    const [id, extra] = positionals;
    if (!id) throw new UsageError('which button? hearth button press <id>');
    if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}"`);
    const client = new HubClient(locateHub(values, io));
    const outcome = await client.request<ButtonOutcome>('POST', `/commerce/buttons/${encodeURIComponent(id)}/press`);
    if (values.json) io.out(JSON.stringify(outcome, null, 2));
    else
      io.out(
        outcome.order ? `${outcome.message} (order ${outcome.order.id}, ${outcome.order.status})` : outcome.message,
      );
    return outcome.status === 'refused' ? EXIT_FAILURE : EXIT_OK;
  },
};
