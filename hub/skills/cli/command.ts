/**
 * The `hearth skill …` subcommand, for hub/cli to call:
 *   new <id> [--dir D]            scaffold a skill with a passing test
 *   pack [dir] [--out D]          make <id>-<version>.tgz; lists the built-in sentences it takes precedence over
 *   keygen --key FILE             create an Ed25519 publisher key (prints the public key for the config)
 *   sign <file> --key FILE --publisher NAME
 *   publish <file> [--store URL|DIR]
 *   install <id|file|url> [--yes] [--allow-collisions] [--store URL|DIR]
 *   update <id> [--yes]           install the store's latest version
 *   uninstall <id> | list
 *   enable <id>                   turn a skill disabled after repeated failures back on
 */
import type { IntentDeclaration } from '../../sdk/intent-declaration.js';
import { HubError, isHubError } from '../../sdk/errors.js';
import { describeCollisions, describeOverlaps } from '../package/installer.js';
import type { HubConnection } from './hub-client.js';
import { enableSkillCommand, installSkillCommand, listSkillsCommand, uninstallSkillCommand } from './install.js';
import { createPublisherKey, packSkill, signSkill } from './pack.js';
import { scaffoldSkill } from './scaffold.js';
import { publishSkill } from './source.js';

export interface SkillCommandEnv {
  hub?: HubConnection;
  storeUrl?: string;
  print: (line: string) => void;
  confirm?: (question: string) => Promise<boolean>;
  /** The built-in skills' intents, to check `pack` against (overlaps are information: the packed skill's win). */
  knownIntents?: Record<string, Record<string, IntentDeclaration>>;
}

function parseArgs(argv: string[]): { positional: string[]; flags: Map<string, string | true> } {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) positional.push(arg);
    else if (['--yes', '--allow-collisions'].includes(arg)) flags.set(arg.slice(2), true);
    else flags.set(arg.slice(2), argv[++i] ?? '');
  }
  return { positional, flags };
}

export async function runSkillCommand(argv: string[], env: SkillCommandEnv): Promise<number> {
  const { positional, flags } = parseArgs(argv);
  const [sub, arg] = positional;
  const flag = (name: string) => (typeof flags.get(name) === 'string' ? (flags.get(name) as string) : undefined);
  const need = (value: string | undefined, what: string): string => {
    if (!value) throw new HubError('VALIDATION_FAILED', `missing ${what}: see \`hearth skill help\``);
    return value;
  };
  const hub = (): HubConnection => {
    if (!env.hub) throw new HubError('VALIDATION_FAILED', 'no hub connection: start the hub or pass its URL and token');
    return env.hub;
  };
  const store = flag('store') ?? env.storeUrl;
  try {
    switch (sub) {
      case 'new': {
        const { dir, files } = scaffoldSkill(need(arg, 'skill id'), {
          ...(flag('dir') ? { dir: flag('dir')! } : {}),
          ...(flag('publisher') ? { publisher: flag('publisher')! } : {}),
        });
        env.print(`Created ${dir}: ${files.join(', ')}. Run \`npm test\` there, then \`hearth skill pack\`.`);
        return 0;
      }
      case 'pack': {
        const result = packSkill(arg ?? '.', {
          ...(flag('out') ? { outDir: flag('out')! } : {}),
          ...(env.knownIntents ? { against: env.knownIntents, againstOrigin: 'builtin' as const } : {}),
        });
        env.print(`Packed ${result.manifest.id} ${result.manifest.version} → ${result.file} (${result.bytes} bytes)`);
        if (result.builtinOverlaps.length)
          env.print(`Takes precedence over built-in sentences: ${describeOverlaps(result.builtinOverlaps)}`);
        if (result.collisions.length) {
          env.print(`Warning: sentence collisions: ${describeCollisions(result.collisions)}`);
          return 2;
        }
        return 0;
      }
      case 'keygen': {
        const { publicKey } = createPublisherKey(need(flag('key'), '--key FILE'));
        env.print(`Private key written to ${flag('key')}. Public key for skills.trustedPublishers: ${publicKey}`);
        return 0;
      }
      case 'sign': {
        const { signatureFile } = signSkill(need(arg, 'package file'), {
          keyFile: need(flag('key'), '--key FILE'),
          publisher: need(flag('publisher'), '--publisher NAME'),
        });
        env.print(`Signed → ${signatureFile}`);
        return 0;
      }
      case 'publish':
        await publishSkill(need(arg, 'package file'), need(store, '--store URL or DIR'));
        env.print(`Published ${arg} to ${store}`);
        return 0;
      case 'install':
      case 'update':
        return await installSkillCommand(need(arg, sub === 'install' ? 'id, file or URL' : 'skill id'), {
          hub: hub(),
          print: env.print,
          yes: flags.get('yes') === true,
          allowCollisions: flags.get('allow-collisions') === true,
          ...(store ? { storeUrl: store } : {}),
          ...(env.confirm ? { confirm: env.confirm } : {}),
          ...(flag('signature') ? { signatureFile: flag('signature')! } : {}),
        });
      case 'uninstall':
        return await uninstallSkillCommand(need(arg, 'skill id'), { hub: hub(), print: env.print });
      case 'list':
        return await listSkillsCommand({ hub: hub(), print: env.print });
      case 'enable':
        return await enableSkillCommand(need(arg, 'skill id'), { hub: hub(), print: env.print });
      default:
        env.print('usage: hearth skill new|pack|keygen|sign|publish|install|update|uninstall|list|enable');
        return sub === undefined || sub === 'help' ? 0 : 2;
    }
  } catch (err) {
    if (!isHubError(err)) throw err;
    env.print(`Error (${err.code}): ${err.message}`);
    return 1;
  }
}
