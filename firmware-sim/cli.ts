import { parseArgs } from 'node:util';
import { z } from 'zod';
import { stopWhenNpmEnds } from '../hub/cli/launcher.js';
import { isHubError } from '../hub/sdk/index.js';
import { createSimLogger, type SimLogLevel } from './core/logger.js';
import { deviceKinds, kindNames } from './devices/catalog.js';
import { runHousehold } from './household-runner.js';
import { loadHousehold } from './household.js';
import { locateHub } from './hub-location.js';
import { runMarketplace } from './marketplace/cli.js';
import { SimulatedDevice } from './core/simulated-device.js';

export interface SimCliIo {
  stdout?: (line: string) => void;
  stderr?: (line: string) => void;
  /** Stops the simulation (tests); without it SIGINT/SIGTERM do. */
  signal?: AbortSignal;
}

const USAGE = `hearth-sim — simulated firmware for Hearth

  hearth-sim household [--data-dir DIR] [--hub URL --token TOKEN] [--mqtt URL] [--household FILE]
      runs simulated firmware for every device of the furnished home (config/example-household.yaml, or the
      floors, areas and devices of FILE), registering what the hub does not know yet through its API.
      Finds the hub through DIR/hub.json and DIR/api-token (DIR: ./data), or --hub and --token
      (the token also from HEARTH_API_TOKEN)
  hearth-sim device <kind> --id ID --username USER --password PASS --mqtt URL [--name NAME]
                   [--delay MIN-MAX] [--ack normal|missing|slow:MS]
      runs one device with existing credentials; --delay is the command delay in ms (default 20-200),
      --ack injects a fault: acknowledgements withheld or late
  hearth-sim marketplace [--port N] [--host H] [--ship-after MS] [--deliver-after MS]
                        [--error-rate 0-1] [--slow-ms MS] [--duplicate-events] [--down]
      runs the marketplace simulator (catalog, orders with idempotency keys, status progression,
      failure injection); point the hub's commerce.marketplaceUrl at it
  hearth-sim kinds
      lists the device kinds

  common: --log-level debug|info|warn|error|silent (default warn; logs go to stderr)
  Ctrl-C stops cleanly: every device publishes "offline" first.`;

const logLevel = z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('warn');
const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' });
const mqttUrl = z.url({ protocol: /^mqtts?$/, error: 'must be an mqtt:// or mqtts:// URL' });

const householdArgs = z.object({
  hub: httpUrl.optional(),
  token: z.string().min(1).optional(),
  mqtt: mqttUrl.optional(),
  'data-dir': z.string().min(1).optional(),
  household: z.string().min(1).optional(),
  'log-level': logLevel,
});

const deviceArgs = z.object({
  kind: z.string().refine((k) => deviceKinds.has(k), { message: `must be one of: ${kindNames().join(', ')}` }),
  id: z.string({ error: 'is required' }).min(1),
  username: z.string().min(1).optional(),
  password: z.string().min(1).optional(),
  mqtt: mqttUrl,
  name: z.string().min(1).optional(),
  delay: z
    .string()
    .regex(/^\d+-\d+$/, 'must be MIN-MAX in milliseconds, e.g. 20-200')
    .transform((v) => v.split('-').map(Number) as [number, number])
    .refine(([min, max]) => min <= max && max <= 60_000, 'MIN must not exceed MAX (at most 60000)')
    .optional(),
  ack: z
    .string()
    .regex(/^(normal|missing|slow:\d+)$/, 'must be normal, missing or slow:MS')
    .default('normal'),
  'log-level': logLevel,
});

class UsageError extends Error {}

function parse<T>(schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new UsageError(result.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n'));
}

/** Entry point of bin/hearth-sim.js. Returns the exit code: 0 ok, 1 failure, 2 bad usage or no hub where it points. */
export async function runSimCli(argv: string[], io: SimCliIo = {}): Promise<number> {
  const out = io.stdout ?? ((line: string) => process.stdout.write(`${line}\n`));
  const err = io.stderr ?? ((line: string) => process.stderr.write(`${line}\n`));
  try {
    // The marketplace has its own flags, parsed by firmware-sim/marketplace/cli.ts.
    if (argv[0] === 'marketplace') return await marketplace(argv.slice(1), out, io.signal);
    const { values, positionals } = parseArgs({
      args: joinValues(argv),
      allowPositionals: true,
      strict: true,
      options: {
        hub: { type: 'string' },
        token: { type: 'string' },
        mqtt: { type: 'string' },
        id: { type: 'string' },
        username: { type: 'string' },
        password: { type: 'string' },
        name: { type: 'string' },
        delay: { type: 'string' },
        ack: { type: 'string' },
        'log-level': { type: 'string' },
        'data-dir': { type: 'string' },
        household: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    const [command, ...rest] = positionals;
    if (values.help || !command) {
      out(USAGE);
      return command || values.help ? 0 : 2;
    }
    if (command === 'kinds') {
      for (const kind of deviceKinds.values()) out(`${kind.kind.padEnd(20)} ${kind.type.padEnd(13)} ${kind.protocol}`);
      return 0;
    }
    if (command === 'household') {
      const args = parse(householdArgs, { ...values, token: values.token ?? process.env.HEARTH_API_TOKEN });
      const log = createSimLogger(args['log-level'] as SimLogLevel);
      const hub = locateHub({ hub: args.hub, token: args.token, dataDir: args['data-dir'] });
      const mqtt = args.mqtt ?? hub.mqttUrl;
      const definition = args.household ? loadHousehold(args.household) : undefined;
      const running = await runHousehold({
        hubUrl: hub.hubUrl,
        token: hub.token,
        ...(mqtt ? { mqttUrl: mqtt } : {}),
        ...(definition ? { definition } : {}),
        print: out,
        log,
      });
      out(`household running: ${running.devices.size} devices on ${running.mqttUrl}; Ctrl-C to stop`);
      await untilStopped(io.signal);
      await running.stop();
      out('household stopped');
      return 0;
    }
    if (command === 'device') {
      const args = parse(deviceArgs, { ...values, kind: rest[0] });
      const kind = deviceKinds.get(args.kind)!;
      const device = kind.create({
        id: args.id,
        ...(args.name ? { name: args.name } : {}),
        connection: {
          url: args.mqtt,
          username: args.username ?? args.id,
          ...(args.password ? { password: args.password } : {}),
        },
        log: createSimLogger(args['log-level'] as SimLogLevel),
        ...(args.delay ? { delay: { minMs: args.delay[0], maxMs: args.delay[1] } } : {}),
      });
      if (args.ack !== 'normal') {
        if (!(device instanceof SimulatedDevice))
          throw new UsageError(`--ack applies to native devices, not "${kind.kind}"`);
        const [mode, ms] = args.ack.split(':');
        device.setAckFault(mode === 'missing' ? 'missing' : 'slow', Number(ms ?? 0));
      }
      await device.start();
      out(`online  ${args.id}  ${kind.kind}`);
      await untilStopped(io.signal);
      await device.stop();
      return 0;
    }
    throw new UsageError(`unknown command "${command}"`);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      err(`${(error as Error).message}\n\n${USAGE}`);
      return 2;
    }
    err(isHubError(error) ? `${error.code}: ${error.message}` : `error: ${(error as Error).message}`);
    // No hub where --data-dir points (or no token for it) is a wrong argument, as for `hearth status`: exit 2.
    return isHubError(error) && error.code === 'VALIDATION_FAILED' ? 2 : 1;
  }
}

async function marketplace(
  argv: string[],
  out: (line: string) => void,
  signal: AbortSignal | undefined,
): Promise<number> {
  let sim: Awaited<ReturnType<typeof runMarketplace>>;
  try {
    sim = await runMarketplace(argv);
  } catch (error) {
    // runMarketplace reports bad flag values as plain errors naming the flag.
    if (/^--/.test((error as Error).message)) throw new UsageError((error as Error).message);
    throw error;
  }
  out(`admin: ${sim.url}/admin/ledger (orders), ${sim.url}/admin/faults (failure injection)`);
  // Without a signal the simulator's own SIGINT/SIGTERM handlers stop it and exit.
  if (!signal) return 0;
  await untilStopped(signal);
  await sim.stop();
  return 0;
}

const STRING_OPTIONS = new Set([
  '--hub',
  '--token',
  '--mqtt',
  '--id',
  '--username',
  '--password',
  '--name',
  '--delay',
  '--ack',
  '--log-level',
  '--data-dir',
  '--household',
]);

/** Generated tokens and passwords may start with "-"; `--token -abc` must still mean the value "-abc". */
function joinValues(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const next = argv[i + 1];
    if (STRING_OPTIONS.has(arg) && next !== undefined) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

function untilStopped(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (signal) {
      if (signal.aborted) return resolve();
      signal.addEventListener('abort', () => resolve(), { once: true });
      return;
    }
    const done = (): void => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      unwatch();
      resolve();
    };
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
    // Under `npx hearth-sim` or `npm run sim`, a kill of npm reaches neither handler: stop when npm is gone.
    const unwatch = stopWhenNpmEnds(process.env, done);
  });
}
