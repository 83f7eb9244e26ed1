/**
 * The built-in skills, in the order the hub registers them. Earlier skills' sentences win ties in the matcher, so the
 * alarm and announcement sentences (many, with common words) come after the older ones and cannot crowd them out.
 */
import type { SkillDefinition } from '../hub/sdk/index.js';
import alarms from './alarms/index.js';
import broadcast from './broadcast/index.js';
import help from './help/index.js';
import media from './media/index.js';
import ordering from './ordering/index.js';
import shopping from './shopping/index.js';
import smartHome from './smart-home/index.js';
import timers from './timers/index.js';
import vehicle from './vehicle/index.js';

export const builtinSkills: readonly SkillDefinition[] = [
  smartHome,
  media,
  vehicle,
  timers,
  shopping,
  ordering,
  alarms,
  broadcast,
  help,
];
