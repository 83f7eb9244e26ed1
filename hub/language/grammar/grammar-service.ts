/**
 * Keeps an exported grammar current: devices (bus events), areas and floors, and skills' intents
 * (checked every `pollMs`: neither has a change event) trigger a new export after `debounceMs`,
 * so a batch of changes costs one export. The voice layer calls `recognizer.setGrammar` from
 * `onGrammarChanged`.
 */
import type { Clock, TimerHandle } from '../../core/clock.js';
import type { EventBus } from '../../core/event-bus.js';
import type { HubEvents } from '../../core/events.js';
import type { Logger } from '../../core/logger.js';
import type { HouseholdService } from '../../devices/contracts.js';
import type { LanguageService } from '../service.js';
import { loadCmuDictionary, type WordDictionary } from './dictionary.js';
import { exportGrammar, type ExportedGrammar, type GrammarExportOptions } from './export.js';

export interface GrammarServiceDeps {
  language: LanguageService;
  household: HouseholdService;
  bus: EventBus<HubEvents>;
  clock: Clock;
  log: Logger;
}

export interface GrammarServiceOptions extends Omit<GrammarExportOptions, 'dictionary'> {
  /** CMU-format dictionary to check words against; `false` checks nothing (e.g. for Vosk only). */
  dictionaryPath?: string | false;
  debounceMs?: number;
  pollMs?: number;
}

export interface VersionedGrammar extends ExportedGrammar {
  version: number;
}

export type GrammarListener = (grammar: VersionedGrammar) => unknown;

export class GrammarService {
  private readonly log: Logger;
  private readonly listeners = new Set<GrammarListener>();
  private dictionary: WordDictionary | undefined;
  private latest: VersionedGrammar | undefined;
  private version = 0;
  private debounce: TimerHandle | undefined;
  private poll: TimerHandle | undefined;
  private fingerprint: { matcher: unknown; household: string } | undefined;
  private vocabularies: Record<string, readonly string[]>;
  private unsubscribe: Array<() => void> = [];
  private running = false;

  constructor(
    private readonly deps: GrammarServiceDeps,
    private readonly options: GrammarServiceOptions = {},
  ) {
    this.log = deps.log.child({ module: 'language.grammar' });
    this.vocabularies = { ...(options.vocabularies ?? {}) };
  }

  /** Loads the dictionary and exports the first grammar. Call after LanguageService.start(). */
  async start(): Promise<void> {
    const path = this.options.dictionaryPath;
    if (path !== false) this.dictionary = await loadCmuDictionary(path);
    this.running = true;
    const changed = (): void => this.schedule();
    this.unsubscribe = [
      this.deps.bus.on('deviceAdded', changed),
      this.deps.bus.on('deviceUpdated', changed),
      this.deps.bus.on('deviceRemoved', changed),
    ];
    this.regenerate();
    this.schedulePoll();
  }

  async stop(): Promise<void> {
    this.running = false;
    for (const off of this.unsubscribe) off();
    this.unsubscribe = [];
    if (this.debounce) this.deps.clock.clearTimeout(this.debounce);
    if (this.poll) this.deps.clock.clearTimeout(this.poll);
    this.debounce = this.poll = undefined;
  }

  current(): VersionedGrammar | undefined {
    return this.latest;
  }

  /** Called with every new grammar (not with the one current when subscribing: read `current()`). */
  onGrammarChanged(listener: GrammarListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Replaces a wildcard's vocabulary (e.g. `product` when the catalog changes) and re-exports. */
  setVocabulary(list: string, phrases: readonly string[]): void {
    this.vocabularies[list] = [...phrases];
    this.schedule();
  }

  /** Something the service cannot see changed (intents added outside the registry…): export soon. */
  invalidate(): void {
    this.schedule();
  }

  /** Exports now, notifies listeners and emits `grammarChanged`. */
  regenerate(): VersionedGrammar {
    const registry = this.deps.language.registry;
    this.fingerprint = this.currentFingerprint();
    const exported = exportGrammar(
      { templates: registry.templates(), rules: registry.ruleTable(), lists: registry.lists },
      { ...this.options, vocabularies: this.vocabularies, ...(this.dictionary ? { dictionary: this.dictionary } : {}) },
    );
    const grammar: VersionedGrammar = { ...exported, version: ++this.version };
    this.latest = grammar;
    if (grammar.unknownWords.length > 0) {
      this.log.warn(
        { words: grammar.unknownWords.map((u) => u.word) },
        'words missing from the recogniser dictionary were left out of the grammar; add pronunciations or rename the devices',
      );
    }
    this.log.info({ version: grammar.version, ...grammar.stats }, 'grammar exported');
    for (const listener of [...this.listeners]) {
      try {
        const result = listener(grammar);
        if (result instanceof Promise)
          result.catch((err: unknown) => this.log.error({ err }, 'grammar listener failed'));
      } catch (err) {
        this.log.error({ err }, 'grammar listener failed');
      }
    }
    this.deps.bus.emit('grammarChanged', {
      version: grammar.version,
      words: grammar.stats.words,
      jsgfBytes: grammar.stats.jsgfBytes,
      phrases: grammar.stats.phrases,
      unknownWords: grammar.unknownWords.map((u) => u.word),
    });
    return grammar;
  }

  private schedule(): void {
    if (!this.running) return;
    if (this.debounce) this.deps.clock.clearTimeout(this.debounce);
    this.debounce = this.deps.clock.setTimeout(() => {
      this.debounce = undefined;
      if (this.running) this.regenerate();
    }, this.options.debounceMs ?? 500);
  }

  private schedulePoll(): void {
    this.poll = this.deps.clock.setTimeout(() => {
      if (!this.running) return;
      const now = this.currentFingerprint();
      if (
        this.fingerprint &&
        (now.matcher !== this.fingerprint.matcher || now.household !== this.fingerprint.household)
      ) {
        if (now.household !== this.fingerprint.household) this.deps.language.refreshHousehold();
        this.fingerprint = now;
        this.schedule();
      }
      this.schedulePoll();
    }, this.options.pollMs ?? 5000);
  }

  /** The matcher object is rebuilt exactly when an owner's intents change. */
  private currentFingerprint(): { matcher: unknown; household: string } {
    const { household } = this.deps;
    return {
      matcher: this.deps.language.registry.matcher(),
      household: JSON.stringify([
        household.areas().map((a) => [a.name, a.aliases]),
        household.floors().map((f) => [f.name, f.aliases]),
      ]),
    };
  }
}
