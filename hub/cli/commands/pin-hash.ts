import { hashPassword } from '../../mqtt/password-hash.js';
import { EXIT_OK, UsageError, type CliCommand } from '../command.js';

/** Prints the scrypt hash for `commerce.pin.hash` (the household PIN), so the config never holds the PIN itself. */
export const pinHashCommand: CliCommand = {
  name: 'pin-hash',
  summary: 'Hash the household PIN for commerce.pin.hash (purchases and unlocking by voice)',
  usage: `hearth pin-hash

  Asks for the PIN (4 to 8 digits) without showing it, or reads the first line of stdin when piped,
  and prints the hash to put in your config. One PIN serves purchases and unlocking by voice:
    commerce:
      pin: {hash: "<the printed line>", required: true}   # required: purchases ask for it
    skills:
      confirm:
        pin: {required: true}                             # unlocking and the garage ask for it`,
  async run(args, io) {
    if (args.length) throw new UsageError('pin-hash takes no arguments; it asks for the PIN');
    if (!io.readSecret) throw new UsageError('no way to read a PIN here; pipe it on stdin');
    const pin = (await io.readSecret('PIN (4 to 8 digits): ')).trim();
    if (!/^\d{4,8}$/.test(pin))
      throw new UsageError('a PIN is 4 to 8 digits (it is spoken digit by digit); nothing was printed');
    io.out(hashPassword(pin));
    return EXIT_OK;
  },
};
