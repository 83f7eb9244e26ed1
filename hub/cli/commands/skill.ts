import { createInterface } from 'node:readline/promises';
import { loadConfig } from '../../config/load.js';
import { runSkillCommand } from '../../skills/cli/command.js';
import type { HubConnection } from '../../skills/cli/hub-client.js';
import { builtinSkills } from '../../../skills/index.js';
import { locateHub } from '../client.js';
import type { CliCommand } from '../command.js';

const usage = `hearth skill new <id> [--dir DIR] [--publisher NAME]
hearth skill pack [DIR] [--out DIR]
hearth skill keygen --key FILE
hearth skill sign <file.tgz> --key FILE --publisher NAME
hearth skill publish <file.tgz> [--store URL|DIR]
hearth skill install <id|file|url> [--yes] [--allow-collisions] [--store URL|DIR]
hearth skill update <id> [--yes]
hearth skill uninstall <id>
hearth skill list
hearth skill enable <id>      turn a skill disabled after repeated failures back on

  install/update/uninstall/list/enable also take --url, --token, --data-dir, --config to find the hub.`;

const LOCATION_FLAGS = new Set(['--config', '--data-dir', '--url', '--token']);

export const skillCommand: CliCommand = {
  name: 'skill',
  summary: 'Create, pack, sign, publish and install skills',
  usage,
  async run(args, io) {
    const location: Record<string, string> = {};
    const rest: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const arg = args[i]!;
      if (LOCATION_FLAGS.has(arg)) location[arg.slice(2)] = args[++i] ?? '';
      else rest.push(arg);
    }
    const needsHub = ['install', 'update', 'uninstall', 'list', 'enable'].includes(rest[0] ?? '');
    let hub: HubConnection | undefined;
    let storeUrl: string | undefined;
    if (needsHub) {
      const found = locateHub(location, io);
      hub = { url: found.url, token: found.token ?? '' };
      storeUrl = loadConfig({ env: io.env, cwd: io.cwd, ...(location.config ? { configFile: location.config } : {}) })
        .skills.storeUrl;
    }
    return runSkillCommand(rest, {
      print: (line) => io.out(line),
      knownIntents: Object.fromEntries(builtinSkills.map((s) => [s.id, s.intents])),
      ...(hub ? { hub } : {}),
      ...(storeUrl ? { storeUrl } : {}),
      ...(process.stdin.isTTY
        ? {
            confirm: async (question: string) => {
              const rl = createInterface({ input: process.stdin, output: process.stdout });
              try {
                return /^y(es)?$/i.test((await rl.question(`${question} [y/N] `)).trim());
              } finally {
                rl.close();
              }
            },
          }
        : {}),
    });
  },
};
