import type { CliCommand } from '../command.js';
import { buttonCommand } from './button.js';
import { credentialsCommand } from './credentials.js';
import { devicesCommand } from './devices.js';
import { listenCommand } from './listen.js';
import { passwordCommand } from './password.js';
import { pinHashCommand } from './pin-hash.js';
import { areasCommand, floorsCommand } from './places.js';
import { sayCommand } from './say.js';
import { skillCommand } from './skill.js';
import { startCommand } from './start.js';
import { statusCommand } from './status.js';

/** Every `hearth` subcommand. To add one (say, listen, button, skill…), add its file here and a line below. */
export const COMMANDS: readonly CliCommand[] = [
  startCommand,
  statusCommand,
  devicesCommand,
  areasCommand,
  floorsCommand,
  credentialsCommand,
  sayCommand,
  buttonCommand,
  skillCommand,
  listenCommand,
  passwordCommand,
  pinHashCommand,
];
