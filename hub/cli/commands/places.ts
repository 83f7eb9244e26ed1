/** `hearth floors …` and `hearth areas …`: the rooms devices are placed in (the API's /floors and /areas). */
import { hubLocationOptions, parse } from '../args.js';
import { HubClient, locateHub } from '../client.js';
import { EXIT_OK, UsageError, type CliCommand, type CliIo } from '../command.js';
import { printTable } from '../table.js';

interface Place {
  id: string;
  name: string;
  aliases: string[];
  floor?: string;
}

function placesCommand(kind: 'floor' | 'area'): CliCommand {
  const plural = `${kind}s`;
  const floorFlag = kind === 'area' ? ' [--floor FLOOR]' : '';
  const usage = `hearth ${plural} list [--json]
hearth ${plural} add <id> --name NAME${floorFlag} [--alias ALIAS]...
hearth ${plural} remove <id>

  ids are lowercase letters, digits, "-" or "_" (e.g. ${kind === 'area' ? 'living-room' : 'upstairs'}); aliases are other names people say.
  Every form also takes --url, --token, --data-dir, --config to find the hub.`;
  return {
    name: plural,
    summary: kind === 'area' ? 'List, add or remove areas (rooms)' : 'List, add or remove floors',
    usage,
    async run(args, io) {
      const [action, ...rest] = args;
      const { values, positionals } = parse(rest, {
        ...hubLocationOptions,
        name: { type: 'string' },
        alias: { type: 'string', multiple: true },
        ...(kind === 'area' ? { floor: { type: 'string' } } : {}),
      });
      const client = () => new HubClient(locateHub(values, io));
      const [id, extra] = positionals;
      switch (action) {
        case 'list': {
          if (id !== undefined) throw new UsageError(`unexpected argument "${id}"`);
          const places = await client().request<Place[]>('GET', `/${plural}`);
          if (values.json) io.out(JSON.stringify(places, null, 2));
          else printPlaces(places, kind, io);
          return EXIT_OK;
        }
        case 'add': {
          if (!id || extra !== undefined) throw new UsageError(`${plural} add takes exactly one ${kind} id`);
          if (!values.name)
            throw new UsageError(`${plural} add needs --name (what people call it, e.g. "Living room")`);
          const floor = (values as { floor?: string }).floor;
          const body = { id, name: values.name, aliases: values.alias ?? [], ...(floor ? { floor } : {}) };
          const place = await client().request<Place>('POST', `/${plural}`, body);
          io.out(
            `Added the ${kind} "${place.name}" (${place.id}).${kind === 'area' ? ` Put devices in it with --area ${place.id}.` : ` Put areas on it with --floor ${place.id}.`}`,
          );
          return EXIT_OK;
        }
        case 'remove': {
          if (!id || extra !== undefined) throw new UsageError(`${plural} remove takes exactly one ${kind} id`);
          await client().request<void>('DELETE', `/${plural}/${encodeURIComponent(id)}`);
          io.out(`Removed the ${kind} ${id}.`);
          return EXIT_OK;
        }
        default:
          throw new UsageError(
            action
              ? `unknown ${plural} action "${action}" (use list, add or remove)`
              : `${plural} needs an action: list, add or remove`,
          );
      }
    },
  };
}

function printPlaces(places: Place[], kind: 'floor' | 'area', io: CliIo): void {
  if (places.length === 0) {
    io.out(`No ${kind}s. Add one with: hearth ${kind}s add <id> --name NAME`);
    return;
  }
  const rows = places.map((p) => [p.id, p.name, ...(kind === 'area' ? [p.floor ?? '-'] : []), p.aliases.join(', ')]);
  const header = ['ID', 'NAME', ...(kind === 'area' ? ['FLOOR'] : []), 'ALIASES'];
  printTable(header, rows, (line) => io.out(line));
}

export const floorsCommand = placesCommand('floor');
export const areasCommand = placesCommand('area');
