/**
 * The recogniser's grammar, built from what the hub can do right now: the language module's
 * templates and live slot lists (devices, areas), plus the wake phrase.
 */
import type { Device } from '../sdk/devices.js';
import type { LanguageService } from '../language/service.js';
import { examples } from '../language/examples.js';
import { grammarWithWakePhrase } from './listening.js';
import type { Grammar } from './recognizers/types.js';

/** What hub/language/grammar/export.ts provides; loaded lazily so voice works while it is absent. */
interface GrammarExporter {
  exportGrammar(
    source: { templates: readonly { intent: string; sentence: string }[]; rules: ReadonlyMap<string, unknown>; lists: unknown },
    options: { dictionary?: unknown; vocabularies?: Record<string, readonly string[]>; pronunciations?: Record<string, string>; nameScope?: unknown; ranges?: unknown },
  ): { jsgf: string; phrases: string[]; pronunciations: Record<string, string>; stats: Record<string, unknown> };
  deviceNameScopes?(devices: readonly Device[]): unknown;
  deviceSlotRanges?(devices: readonly Device[]): unknown;
}
interface DictionaryModule {
  loadCmuDictionary(path?: string): Promise<unknown>;
}

export interface GrammarSourceOptions {
  language: LanguageService;
  wakePhrase: string;
  /** The pronouncing dictionary the recogniser uses: words outside it are left out of the grammar. */
  dictionaryPath: string;
  /** Bounded word lists for wildcard slots (products, shopping items). */
  vocabularies?: () => Record<string, readonly string[]>;
  /**
   * The registered devices: with them each sentence only takes the names of devices it can act on
   * ("unlock" → locks), which removes sound-alike confusions and shrinks the decoder's graph.
   */
  devices?: () => readonly Device[];
}

export interface BuiltCommandGrammar extends Grammar {
  /** `exporter` (hub/language/grammar) or `examples` (a stand-in built from example sentences). */
  origin: 'exporter' | 'examples';
}

// Computed specifiers: the exporter module is optional at compile time.
const EXPORTER = '../language/grammar/export.js';
const DICTIONARY = '../language/grammar/dictionary.js';

export class CommandGrammarSource {
  private exporter: GrammarExporter | undefined;
  private dictionary: unknown;
  private loaded = false;

  constructor(private readonly options: GrammarSourceOptions) {}

  async build(): Promise<BuiltCommandGrammar> {
    await this.load();
    const registry = this.options.language.registry;
    if (this.exporter) {
      const exported = this.exporter.exportGrammar(
        { templates: registry.templates(), rules: registry.ruleTable(), lists: registry.lists },
        {
          dictionary: this.dictionary,
          vocabularies: this.options.vocabularies?.() ?? {},
          ...(this.options.devices && this.exporter.deviceNameScopes ? { nameScope: this.exporter.deviceNameScopes(this.options.devices()) } : {}),
          ...(this.options.devices && this.exporter.deviceSlotRanges ? { ranges: this.exporter.deviceSlotRanges(this.options.devices()) } : {}),
        },
      );
      return {
        origin: 'exporter',
        jsgf: grammarWithWakePhrase(exported.jsgf, this.options.wakePhrase),
        phrases: exported.phrases,
        pronunciations: exported.pronunciations,
      };
    }
    return { origin: 'examples', jsgf: grammarWithWakePhrase(exampleJsgf(this.options.language), this.options.wakePhrase) };
  }

  private async load(): Promise<void> {
    if (this.loaded) return;
    this.loaded = true;
    try {
      const exporter = (await import(EXPORTER)) as GrammarExporter;
      const dictionary = (await import(DICTIONARY)) as DictionaryModule;
      this.dictionary = await dictionary.loadCmuDictionary(this.options.dictionaryPath);
      this.exporter = exporter;
    } catch {
      this.exporter = undefined;
    }
  }
}

/** A stand-in grammar: example sentences of every template, one alternative each. */
export function exampleJsgf(language: LanguageService, perTemplate = 20): string {
  const registry = language.registry;
  const sentences = new Set<string>();
  for (const template of registry.templates()) {
    for (const sentence of examples(template, registry.lists, perTemplate)) {
      const words = sentence.toLowerCase().replace(/[^a-z' ]+/g, ' ').replace(/\s+/g, ' ').trim();
      if (words) sentences.add(words);
    }
  }
  const alternatives = [...sentences].join(' | ');
  return `#JSGF V1.0;\ngrammar hearth_examples;\npublic <command> = ${alternatives || 'help'};\n`;
}
