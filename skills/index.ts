/** The built-in skills, in the order the hub registers them. */
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

export const builtinSkills: readonly SkillDefinition[] = [smartHome, media, vehicle, timers, alarms, broadcast, shopping, ordering, help];
