/** The help skill's intent. */
import { help } from './help.js';

export const helpIntents = {
  HearthHelp: help,
};
