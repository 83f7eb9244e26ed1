/**
 * Grammar export size and time with 30+ and 500+ devices, and for the firmware-sim household as the running hub
 * builds it (name scopes, ranges, vocabularies): inlined word arcs before and after factoring, and which rules and
 * intents hold them (pocketsphinx copies a rule into every place that uses it; its decoder memory follows this).
 * Run: npx tsx bench/language-grammar.ts
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { runHouseholdOn } from '../test/harness/household.js';
import {
  DEFAULT_VOCABULARIES,
  exportGrammar,
  loadCmuDictionary,
  type GrammarSource,
} from '../hub/language/grammar/index.js';
import { buildGrammar } from '../hub/language/grammar/builder.js';
import {
  deviceNameScopes,
  deviceSlotRanges,
  deviceSlotValues,
  inlinedWords,
  type GrammarExportOptions,
} from '../hub/language/grammar/export.js';
import { factorRules } from '../hub/language/grammar/factor.js';
import { InlinedSize } from '../hub/language/grammar/inlined-size.js';
import type { GrammarNode, GrammarRule } from '../hub/language/grammar/ir.js';
import { LanguageService } from '../hub/language/service.js';
import { buildHousehold } from '../hub/language/testing/household.js';
import { startTestHub } from '../test/harness/hub.js';
import { addBuiltinIntents } from '../test/harness/language.js';
import { tunedHousehold } from '../test/harness/tuned-household.js';

const dictionary = await loadCmuDictionary();
const results: Record<string, unknown> = {};

function timedExport(source: GrammarSource, options: GrammarExportOptions) {
  const times: number[] = [];
  let last: ReturnType<typeof exportGrammar> | undefined;
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    last = exportGrammar(source, options);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { exportMsMedian: Math.round(times[2]! * 10) / 10, ...last!.stats, unknownWords: last!.unknownWords.length };
}

for (const extra of [0, 500]) {
  const household = buildHousehold(extra);
  const language = new LanguageService(household);
  await language.start();
  addBuiltinIntents(language);
  const { registry } = language;
  const devices = household.devices.list().length;
  results[`devices_${devices}`] = {
    devices,
    ...timedExport(
      { templates: registry.templates(), rules: registry.ruleTable(), lists: registry.lists },
      { dictionary, vocabularies: DEFAULT_VOCABULARIES },
    ),
  };
  console.log(devices, 'devices:', results[`devices_${devices}`]);
}

/** Inlined words each rule adds (its copies × its own words) and each intent holds in all, largest first. */
function whereTheWordsAre(rules: readonly GrammarRule[], roots: readonly string[], top = 12) {
  const byName = new Map(rules.map((r) => [r.name, r]));
  const copies = new Map<string, number>();
  const count = (node: GrammarNode, times: number): void => {
    if (node.kind === 'ref') visit(node.rule, times);
    else if (node.kind === 'seq') for (const item of node.items) count(item, times);
    else if (node.kind === 'alt') for (const option of node.options) count(option, times);
  };
  const visit = (name: string, times: number) => {
    copies.set(name, (copies.get(name) ?? 0) + times);
    count(byName.get(name)!.body, times);
  };
  for (const root of roots) visit(root, 1);
  const own = (node: GrammarNode): number =>
    node.kind === 'word'
      ? 1
      : node.kind === 'seq'
        ? node.items.reduce((n, i) => n + own(i), 0)
        : node.kind === 'alt'
          ? node.options.reduce((n, o) => n + own(o), 0)
          : 0;
  const size = new InlinedSize(rules);
  const byRule = [...copies]
    .map(([rule, n]) => ({ rule, copies: n, words: own(byName.get(rule)!.body) }))
    .map((r) => ({ ...r, inlined: r.copies * r.words }));
  return {
    rules: byRule.sort((a, b) => b.inlined - a.inlined).slice(0, top),
    intents: roots
      .map((intent) => ({ intent, inlined: size.rule(intent) }))
      .sort((a, b) => b.inlined - a.inlined)
      .slice(0, top),
  };
}

// The firmware-sim household (18 devices), built as hub/main.ts builds the voice grammar.
const hub = await startTestHub({ config: { voice: { recognizer: 'text' } } });
const home = await runHouseholdOn(hub, tunedHousehold);
try {
  hub.hub.language().refreshHousehold();
  const registry = hub.hub.language().registry;
  const devices = hub.hub.devices().list();
  const source = { templates: registry.templates(), rules: registry.ruleTable(), lists: registry.lists };
  const options = {
    dictionary,
    vocabularies: { ...DEFAULT_VOCABULARIES, product: hub.hub.commerce().spokenProductNames() },
    nameScope: deviceNameScopes(devices),
    ranges: deviceSlotRanges(devices),
    values: deviceSlotValues(devices),
  };
  const built = buildGrammar(source, options);
  const factored = factorRules(built.rules);
  const household = {
    devices: devices.length,
    ...timedExport(source, options),
    inlinedWordsUnfactored: inlinedWords(built.rules, built.intentRules),
    unfactored: whereTheWordsAre(built.rules, built.intentRules),
    factored: whereTheWordsAre(factored, built.intentRules),
  };
  results.household = household;
  console.log(
    `household (${devices.length} devices): inlined words ${household.inlinedWordsUnfactored} unfactored → ${household.inlinedWords} factored; export ${household.exportMsMedian} ms`,
  );
  for (const state of ['unfactored', 'factored'] as const) {
    console.log(`${state}: rules by inlined words`);
    console.table(household[state].rules);
    console.log(`${state}: intents by inlined words`);
    console.table(household[state].intents);
  }
} finally {
  await home.stop();
  await hub.stop();
}
await mkdir(new URL('./results/', import.meta.url), { recursive: true });
await writeFile(
  new URL('./results/language-grammar.json', import.meta.url),
  JSON.stringify({ at: new Date().toISOString(), results }, null, 2) + '\n',
);
