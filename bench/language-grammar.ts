/** Grammar export size and time with 30+ and 500+ devices. Run: npx tsx bench/language-grammar.ts */
import { mkdir, writeFile } from 'node:fs/promises';
import { DEFAULT_VOCABULARIES, exportGrammar, loadCmuDictionary } from '../hub/language/grammar/index.js';
import { LanguageService } from '../hub/language/service.js';
import { buildHousehold } from '../hub/language/testing/household.js';

const dictionary = await loadCmuDictionary();
const results: Record<string, unknown> = {};
for (const extra of [0, 500]) {
  const household = buildHousehold(extra);
  const language = new LanguageService(household);
  await language.start();
  const { registry } = language;
  const source = { templates: registry.templates(), rules: registry.ruleTable(), lists: registry.lists };
  const times: number[] = [];
  let last;
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    last = exportGrammar(source, { dictionary, vocabularies: DEFAULT_VOCABULARIES });
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const devices = household.devices.list().length;
  results[`devices_${devices}`] = { devices, exportMsMedian: Math.round(times[2]! * 10) / 10, ...last!.stats, unknownWords: last!.unknownWords.length };
  console.log(devices, 'devices:', results[`devices_${devices}`]);
}
await mkdir(new URL('./results/', import.meta.url), { recursive: true });
await writeFile(new URL('./results/language-grammar.json', import.meta.url), JSON.stringify({ at: new Date().toISOString(), results }, null, 2) + '\n');
