/**
 * The recogniser's grammar, built from what the hub can do right now: the language module's
 * templates and live slot lists (devices, areas), plus the wake phrase.
 */
import type { Device } from '../sdk/devices.js';
import type { LanguageService } from '../language/service.js';
import { examples } from '../language/examples.js';
import { loadCmuDictionary, type PronouncingDictionary } from '../language/grammar/dictionary.js';
import { deviceNameScopes, deviceSlotRanges, deviceSlotValues, exportGrammar } from '../language/grammar/export.js';
import { ruleName } from '../language/grammar/ir.js';
import { tokenize } from '../language/normalize.js';
import { FILLER_PHRASES } from '../language/lexicon/parts-en.js';
import { answerPhrases } from './answer-grammar.js';
import { buildCommandLanguageModel } from './language-model/command-language-model.js';
import { grammarWithWakePhrase } from './listening.js';
import type { Grammar } from './recognizers/types.js';

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
  /** Intents left out of the grammar (answers, heard only while their question is open: answer-grammar.ts). */
  leaveOut?: ReadonlySet<string>;
  /**
   * `ngram`: commands are decoded with a trigram model estimated from the grammar's sentences and the phrasings the
   * understanding accepts besides them (hub/voice/language-model/); `grammar` (default): with the grammar alone.
   */
  commandModel?: 'grammar' | 'ngram';
}

export interface BuiltCommandGrammar extends Grammar {
  /** `exporter` (hub/language/grammar) or `examples` (a stand-in when no pronouncing dictionary is installed). */
  origin: 'exporter' | 'examples';
  /** Words left out because the pronouncing dictionary lacks them (none for example sentences). */
  unknownWords: string[];
}

export class CommandGrammarSource {
  constructor(private readonly options: GrammarSourceOptions) {}

  /** The dictionary is asked for on every build (it is let go between rebuilds); without it: example sentences. */
  async build(): Promise<BuiltCommandGrammar> {
    let dictionary: PronouncingDictionary;
    try {
      dictionary = await loadCmuDictionary(this.options.dictionaryPath);
    } catch {
      return {
        origin: 'examples',
        jsgf: grammarWithWakePhrase(exampleJsgf(this.options.language), this.options.wakePhrase),
        unknownWords: [],
      };
    }
    const registry = this.options.language.registry;
    const devices = this.options.devices?.();
    const exported = exportGrammar(
      {
        templates: registry.templates().filter((t) => !this.options.leaveOut?.has(t.intent)),
        rules: registry.ruleTable(),
        lists: registry.lists,
      },
      {
        dictionary,
        vocabularies: this.options.vocabularies?.() ?? {},
        ...(devices
          ? {
              nameScope: deviceNameScopes(devices),
              ranges: deviceSlotRanges(devices),
              values: deviceSlotValues(devices),
            }
          : {}),
      },
    );
    const intentOfRule = new Map(registry.intents().map((intent) => [ruleName('intent', intent), intent]));
    const languageModel =
      this.options.commandModel === 'ngram'
        ? buildCommandLanguageModel({
            grammar: exported.graph,
            intentOfRule: (rule) => intentOfRule.get(rule),
            cuesOf: (intent) => registry.info(intent)?.cues,
            fillers: FILLER_PHRASES,
            knows: (word) => dictionary.pronunciations(word).length > 0 || word in exported.pronunciations,
            wakePhrase: tokenize(this.options.wakePhrase),
          })
        : undefined;
    return {
      origin: 'exporter',
      ...(languageModel ? { languageModel: { arpa: languageModel.arpa, words: languageModel.words } } : {}),
      jsgf: grammarWithWakePhrase(exported.jsgf, this.options.wakePhrase),
      phrases: this.options.leaveOut?.size ? [...exported.phrases, ...answerPhrases()] : exported.phrases,
      pronunciations: exported.pronunciations,
      unknownWords: exported.unknownWords.map((u) => u.word),
    };
  }
}

/** A stand-in grammar: example sentences of every template, one alternative each. */
export function exampleJsgf(language: LanguageService, perTemplate = 20): string {
  const registry = language.registry;
  const sentences = new Set<string>();
  for (const template of registry.templates()) {
    for (const sentence of examples(template, registry.lists, perTemplate)) {
      const words = sentence
        .toLowerCase()
        .replace(/[^a-z' ]+/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
      if (words) sentences.add(words);
    }
  }
  const alternatives = [...sentences].join(' | ');
  return `#JSGF V1.0;\ngrammar hearth_examples;\npublic <command> = ${alternatives || 'help'};\n`;
}
