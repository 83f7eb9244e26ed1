/**
 * Which device names each template can act on, decided by the same target resolution the hub runs
 * after recognition: a name fits a template when resolving the template's intent and fixed slots
 * with that name does not end in "no matching devices" (a light is not a lock). The grammar then
 * only lets the recogniser hear names that can work, so "unlock" cannot pair with "kitchen light".
 */
import type { Device } from '../../sdk/devices.js';
import type { HouseholdService } from '../../devices/contracts.js';
import { nameKey, resolveTargets, type DeviceLookup } from '../targets.js';
import type { SlotValue } from '../../sdk/intents.js';
import type { IntentTargets } from '../../sdk/intent-declaration.js';
import type { GrammarTemplate, NameScope } from './builder.js';

/** Areas and floors are never asked for: the probe intents carry only the name and fixed slots. */
const NO_HOUSEHOLD = { areas: () => [], floors: () => [] } as unknown as HouseholdService;

/** `targetsOf` is what each intent acts on (the registry's `info(intent)?.targets`): a light-only intent never pairs with a lock. */
export function deviceNameScopes(
  devices: readonly Device[],
  targetsOf: (intent: string) => IntentTargets | undefined = () => undefined,
): (template: GrammarTemplate) => NameScope | undefined {
  const byName = new Map<string, Device[]>();
  for (const device of devices) {
    for (const said of new Set([device.name, ...device.aliases].map(nameKey)))
      byName.set(said, [...(byName.get(said) ?? []), device]);
  }
  const lookup: DeviceLookup = { list: () => [...devices], byName: (key) => byName.get(key) ?? [] };
  const keys = new Map<string, string>();
  const memo = new Map<string, NameScope | undefined>();

  return (template) => {
    const fixed = { ...template.fixedSlots, ...template.requires } as Record<string, SlotValue>;
    const memoKey = `${template.intent}\u0000${JSON.stringify(fixed)}`;
    if (memo.has(memoKey)) return memo.get(memoKey);
    const names = new Set<string>();
    for (const device of devices) {
      const resolved = resolveTargets(
        { name: template.intent, slots: { ...fixed, name: device.name } },
        targetsOf(template.intent),
        lookup,
        NO_HOUSEHOLD,
      );
      if (resolved.problem !== 'no_matching_devices' && resolved.problem !== 'no_such_name') names.add(device.name);
    }
    let scope: NameScope | undefined;
    if (names.size < new Set(devices.map((d) => d.name)).size) {
      const signature = [...names].sort().join('\u0000');
      let key = keys.get(signature);
      if (!key) {
        const base = typeof fixed.domain === 'string' ? fixed.domain : template.intent.replace(/^Hass/, '');
        key = `${base}${[...keys.values()].some((k) => k === base || k.startsWith(`${base}_`)) ? `_${keys.size}` : ''}`;
        keys.set(signature, key);
      }
      scope = { key, names };
    }
    memo.set(memoKey, scope);
    return scope;
  };
}
