/**
 * The template words the device types bring from their folders (device-types/<type>/: `lexicon`): rules such as
 * `<lights>` and value lists such as `{cover_class}`, added to the English lexicon. A name the lexicon already has
 * is a mistake in the type, not an override.
 */
import { deviceTypes } from '../../../device-types/index.js';
import type { SlotListDefinition } from '../slot-lists.js';

export function withDeviceTypeWords(
  rules: Record<string, string>,
  lists: Record<string, SlotListDefinition>,
): { rules: Record<string, string>; lists: Record<string, SlotListDefinition> } {
  const allRules = { ...rules };
  const allLists = { ...lists };
  for (const [type, { lexicon }] of Object.entries(deviceTypes)) {
    for (const [name, rule] of Object.entries(lexicon?.rules ?? {})) {
      if (name in allRules) throw new Error(`device type "${type}" declares the rule <${name}>, which already exists`);
      allRules[name] = rule;
    }
    for (const [name, pairs] of Object.entries(lexicon?.lists ?? {})) {
      if (name in allLists) throw new Error(`device type "${type}" declares the list {${name}}, which already exists`);
      allLists[name] = { kind: 'values', values: pairs.map(([said, value]) => ({ in: said, out: value })) };
    }
  }
  return { rules: allRules, lists: allLists };
}
