/**
 * The held-out household (test/phrasings/household.yaml) for the simulator: every device the firmware simulator
 * has a kind for and that stands in a room. The hub itself is started on the whole file (all 115 devices in its
 * registry and grammar); scenes, scripts, lists and the few sensor/valve classes without a simulated kind are
 * registered there but run no firmware.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { type HouseholdDefinition, kindFor } from '../../firmware-sim/household.js';
import { spawnHubProcess, tempDataDir } from '../../test/harness/hub.js';
import { HOUSEHOLD_FILE } from '../../test/phrasings/lib/household.js';

interface Named {
  id: string;
  name: string;
  aliases?: string[];
}
interface HouseholdFile {
  floors?: Named[];
  areas?: (Named & { floor?: string })[];
  devices?: (Named & { area?: string; type: string; device_class?: string })[];
}

export function simulatedHousehold(file: string): { definition: HouseholdDefinition; registered: number } {
  const raw = parse(readFileSync(file, 'utf8')) as HouseholdFile;
  const devices = (raw.devices ?? []).flatMap((d) => {
    const kind = kindFor(d.type, d.device_class);
    if (!kind || !d.area) return [];
    return [
      {
        id: d.id,
        name: d.name,
        aliases: d.aliases ?? [],
        area: d.area,
        kind,
        type: d.type,
        ...(d.device_class ? { deviceClass: d.device_class } : {}),
      },
    ];
  });
  return {
    definition: {
      floors: (raw.floors ?? []).map((f) => ({ id: f.id, name: f.name, aliases: f.aliases ?? [] })),
      areas: (raw.areas ?? []).map((a) => ({
        id: a.id,
        name: a.name,
        aliases: a.aliases ?? [],
        ...(a.floor ? { floor: a.floor } : {}),
      })),
      devices,
    },
    registered: raw.devices?.length ?? 0,
  };
}

/**
 * The built hub on the whole household file with pocketsphinx, in a child process (its data in a temp dir); `voice`:
 * voice settings over the defaults.
 */
export async function spawnBigHomeHub(tempPrefix: string, timeoutMs: number, voice: Record<string, unknown> = {}) {
  const work = tempDataDir(tempPrefix);
  const configFile = join(work, 'config.yaml');
  writeFileSync(
    configFile,
    stringify({
      ...(parse(readFileSync(HOUSEHOLD_FILE, 'utf8')) as object),
      logLevel: 'warn',
      voice: { recognizer: 'pocketsphinx', ...voice },
    }),
  );
  const hub = await spawnHubProcess(join(work, 'data'), ['--config', configFile], timeoutMs, 'build');
  return { hub, work };
}
