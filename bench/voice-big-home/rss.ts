/**
 * The hub's memory with the 113-device household: the built hub (`hearth start --config test/phrasings/household.yaml`,
 * pocketsphinx) in a child process with every device's simulated firmware connected, then grammar rebuilds forced
 * by renaming one device back and forth (a new alias: its words enter the grammar, PATCH /devices/:id).
 * RSS and its peak (VmHWM) from /proc/<pid>/status after the start settles and after the rebuilds.
 *   npm run build && npx tsx bench/voice-big-home/rss.ts [--rebuilds 6] → bench/results/voice-big-home-rss.json
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { runHousehold } from '../../firmware-sim/index.js';
import { apiCall } from '../../test/harness/hub.js';
import { HOUSEHOLD_FILE } from '../../test/phrasings/lib/household.js';
import { simulatedHousehold, spawnBigHomeHub } from './household.js';
import { procStatusMb, round1 } from './stats.js';
import { cliArg } from '../cli-arg.js';

const REBUILDS = Number(cliArg('--rebuilds', '6'));
/** Long enough for a rebuild (250 ms debounce, export, compile) to finish on a loaded machine. */
const SETTLE_MS = 20_000;

const loadBefore = loadavg();
const { hub, work } = await spawnBigHomeHub('hearth-big-home-rss-', 180_000);
const pid = hub.child.pid!;
const memory = () => ({ rssMb: round1(procStatusMb(pid, 'VmRSS')), peakMb: round1(procStatusMb(pid, 'VmHWM')) });
const api = (method: string, path: string, body?: unknown) =>
  apiCall(hub.runtime.http.url, hub.token, method, path, body);
const { definition } = simulatedHousehold(HOUSEHOLD_FILE);
const house = await runHousehold({ hubUrl: hub.runtime.http.url, token: hub.token, print: () => {}, definition }).catch(
  (err: unknown) => {
    hub.child.kill('SIGTERM');
    throw err;
  },
);
await sleep(SETTLE_MS);
const settled = memory();
const renamed = definition.devices.find((d) => d.type === 'light')!;
for (let i = 0; i < REBUILDS; i++) {
  const reply = await api('PATCH', `/devices/${renamed.id}`, {
    aliases: [i % 2 === 0 ? 'reading lamp' : 'study lamp'],
  });
  if (reply.status !== 200) throw new Error(`PATCH /devices/${renamed.id}: ${reply.status}`);
  await sleep(SETTLE_MS);
}
const out = {
  household: `${HOUSEHOLD_FILE} (${definition.devices.length} simulated of the registered devices), pocketsphinx`,
  afterStart: settled,
  afterRebuilds: { rebuilds: REBUILDS, ...memory() },
  machine: { loadBefore: loadBefore.map(round1), loadAfter: loadavg().map(round1) },
};
console.log(JSON.stringify(out, null, 2));
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/voice-big-home-rss.json', `${JSON.stringify(out, null, 2)}\n`);
await house.stop();
hub.child.kill('SIGTERM');
rmSync(work, { recursive: true, force: true });
