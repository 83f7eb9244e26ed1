import { hashPassword } from '../../mqtt/password-hash.js';
import { EXIT_OK, UsageError, type CliCommand } from '../command.js';

/** Prints the scrypt hash for `skills.confirm.pin.hash`, so the config never holds the PIN itself. */
export const pinHashCommand: CliCommand = {
  name: 'pin-hash',
  summary: 'Hash a spoken PIN for skills.confirm.pin.hash (unlocking by voice)',
  usage: `hearth pin-hash

  Asks for the PIN (4 to 8 digits) without showing it, or reads the first line of stdin when piped,
  and prints the hash to put in your config:
    skills:
      confirm:
        pin: {required: true, hash: "<the printed line>"}`,
  async run(args, io) {
    if (args.length) throw new UsageError('pin-hash takes no arguments; it asks for the PIN');
    if (!io.readSecret) throw new UsageError('no way to read a PIN here; pipe it on stdin');
    const pin = (await io.readSecret('PIN (4 to 8 digits): ')).trim();
    if (!/^\d{4,8}$/.test(pin)) throw new UsageError('a PIN is 4 to 8 digits (it is spoken digit by digit); nothing was printed');
    io.out(hashPassword(pin));
    return EXIT_OK;
  },
};
