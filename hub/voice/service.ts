/**
 * Voice in the running hub: recogniser (or text only, saying what is missing), grammar kept in step
 * with the language module, the pipeline, MQTT satellites, the voice log and its retention.
 * hub/main.ts builds one after the skills runtime and before the API.
 */
import type { Clock, TimerHandle } from '../core/clock.js';
import type { EventBus } from '../core/event-bus.js';
import type { HubEvents } from '../core/events.js';
import type { Logger } from '../core/logger.js';
import type { LanguageService } from '../language/service.js';
import type { Device } from '../sdk/devices.js';
import type { MqttTransport } from '../mqtt/transport.js';
import { isHubError } from '../sdk/errors.js';
import { repliesChangeIn } from '../sdk/spoken-replies.js';
import type { Db } from '../store/database.js';
import { MqttSatellites, type SatelliteStream } from './audio/mqtt-satellites.js';
import { SatelliteDirectory } from './audio/satellite-directory.js';
import { WakeArbiter } from './audio/wake-arbiter.js';
import { LocalSpeaker } from './local-speaker.js';
import { mqttSpeakers } from './room-speakers.js';
import { SatelliteOutput } from './satellite-output.js';
import { wavBufferSource } from './audio/wav.js';
import type { AudioSource } from './audio/pcm.js';
import type { VoiceConfig } from './config.js';
import { SqliteChannelMeanStore } from './channel-mean-store.js';
import { loadCmuDictionary } from '../language/grammar/dictionary.js';
import { ANSWER_INTENTS } from './answer-grammar.js';
import { CommandGrammarSource, type BuiltCommandGrammar } from './grammar-source.js';
import { ListeningGate } from './listening.js';
import { MutedReplies } from './muted-replies.js';
import { VoicePipeline, type HandleOptions, type Transcription, type VoiceResult } from './pipeline.js';
import { recognizerStatus, startRecognizer } from './recognizers/select.js';
import { TextRecognizer } from './recognizers/text.js';
import { jsgfWords, type Recognizer } from './recognizers/types.js';
import { EspeakTts, type TextToSpeech } from './tts.js';
import { understandWithSkills, type UnderstandingHandler } from './understand.js';
import { VoiceLog } from './voice-log.js';

export interface VoiceServiceDeps {
  config: VoiceConfig;
  db: Db;
  transport: MqttTransport;
  bus: EventBus<HubEvents>;
  clock: Clock;
  log: Logger;
  language: LanguageService;
  skills: UnderstandingHandler & {
    /** Whether an intent's skill may place orders (purchases are confirmed when misheard). */
    placesOrders?(intent: string): boolean;
  };
  /** A satellite's area from the device registry. */
  areaOf(deviceId: string): string | undefined;
  /** Word lists for wildcard slots (products, shopping items) so they can be spoken. */
  vocabularies?: () => Record<string, readonly string[]>;
  /** The registered devices: each sentence of the grammar then only takes names it can act on. */
  devices?: () => readonly Device[];
  /** Subscribes to area and floor changes (Household.onChange): their names and aliases are in the grammar. */
  onHouseholdChange?: (listener: () => void) => () => void;
  /**
   * Puts something in front of the local engines once they are up: an external speech service
   * (hub/wyoming) that falls back to the local recogniser or espeak-ng when it is down.
   */
  decorate?: {
    recognizer?(local: Recognizer): Recognizer;
    tts?(local: TextToSpeech): TextToSpeech;
  };
  /** False when the registry knows the device and it is offline (satellites that cannot hear an announcement). */
  isOnline?: (deviceId: string) => boolean;
  /** Whether an alarm or timer rings in the area (hub/alerts): "stop" then needs no wake phrase there. */
  soundingIn?: (area: string | undefined) => boolean;
}

export interface LoadedGrammar extends BuiltCommandGrammar {
  /** Counts the grammars loaded since start; the same number as in the `grammarChanged` event. */
  version: number;
}

/** Same shape as the API's ComponentStatus. */
export interface VoiceComponentStatus {
  status: 'ok' | 'degraded' | 'missing';
  detail: string;
}

const PRUNE_EVERY_MS = 3_600_000;
const GRAMMAR_DEBOUNCE_MS = 250;

export class VoiceService {
  private recognizerInstance: Recognizer | undefined;
  private pipelineInstance: VoicePipeline | undefined;
  private satellites: MqttSatellites | undefined;
  private directory: SatelliteDirectory | undefined;
  private output: SatelliteOutput | undefined;
  private localSpeaker: LocalSpeaker | undefined;
  private arbiter: WakeArbiter | undefined;
  private voiceLogInstance: VoiceLog | undefined;
  private grammar: CommandGrammarSource | undefined;
  private state: VoiceComponentStatus = { status: 'missing', detail: 'voice is not started' };
  private pruneTimer: TimerHandle | undefined;
  private grammarTimer: TimerHandle | undefined;
  /** Builds run one after another, so a slow build can never load over a newer one. */
  private grammarQueue: Promise<void> = Promise.resolve();
  private loaded: LoadedGrammar | undefined;
  private unsubscribe: (() => void)[] = [];
  private readonly log: Logger;
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(private readonly deps: VoiceServiceDeps) {
    this.log = deps.log.child({ module: 'voice' });
  }

  async start(): Promise<void> {
    const { config, clock } = this.deps;
    this.voiceLogInstance = new VoiceLog({
      db: this.deps.db,
      clock,
      retentionDays: config.log.enabled ? config.log.retentionDays : 0,
      storeAudio: config.log.storeAudio,
    });
    await this.voiceLogInstance.start();
    this.schedulePrune();

    const local = await this.startRecognizerOrText();
    this.recognizerInstance = this.deps.decorate?.recognizer?.(local) ?? local;
    this.grammar = new CommandGrammarSource({
      language: this.deps.language,
      wakePhrase: config.wakePhrase,
      dictionaryPath: `${config.pocketsphinx.modelDir}/cmudict-en-us.dict`,
      leaveOut: ANSWER_INTENTS,
      // Only pocketsphinx decodes with a language model; the others take the grammar.
      commandModel: local.name === 'pocketsphinx' ? config.pocketsphinx.commandModel : 'grammar',
      ...(this.deps.vocabularies ? { vocabularies: this.deps.vocabularies } : {}),
      ...(this.deps.devices ? { devices: this.deps.devices } : {}),
    });
    await this.refreshGrammar();
    await this.spotWakePhrase();
    this.unsubscribe = this.followGrammarInputs();
    const mutedReplies = this.followRepliesMuted();

    const espeak = new EspeakTts({ ...config.tts, log: this.log });
    const tts = this.deps.decorate?.tts?.(espeak) ?? espeak;
    const gate = new ListeningGate({
      wakePhrase: config.wakePhrase,
      requireWakePhrase: config.requireWakePhrase,
      followUpMs: config.followUpMs,
      clock,
      ...(this.deps.soundingIn ? { soundingIn: this.deps.soundingIn } : {}),
    });
    const dictionaryPath = `${config.pocketsphinx.modelDir}/cmudict-en-us.dict`;
    this.pipelineInstance = new VoicePipeline({
      recognizer: this.recognizerInstance,
      understand: understandWithSkills(
        this.deps.skills,
        () => this.deps.devices?.().flatMap((d) => [d.name, ...d.aliases]) ?? [],
        config.pocketsphinx.sensitiveMargin === null &&
          config.pocketsphinx.oppositeMargin === null &&
          config.pocketsphinx.askBelowFit === null
          ? undefined
          : {
              lookup: {
                device: (id) => this.deps.devices?.().find((d) => d.id === id),
                buys: (intent) => this.deps.skills.placesOrders?.(intent) ?? false,
              },
              minMargin: config.pocketsphinx.sensitiveMargin ?? undefined,
              askBelow:
                config.pocketsphinx.askBelowFit === null
                  ? undefined
                  : { fit: config.pocketsphinx.askBelowFit, coverage: config.pocketsphinx.askBelowCoverage },
              minLead: config.pocketsphinx.oppositeMargin ?? undefined,
              answerMs: config.followUpMs,
              now: () => clock.now(),
            },
      ),
      dictionary: () => loadCmuDictionary(dictionaryPath),
      wholeCommand: (command, area) => {
        const understood = this.deps.language.understand(command, area !== undefined ? { area } : {});
        return (
          understood.intent !== undefined && understood.confidence === 1 && !understood.ambiguity && !understood.problem
        );
      },
      followUpMs: config.followUpMs,
      mutedReplies,
      vad: config.vad,
      gate,
      clock,
      log: this.log,
      tts,
      voiceLog: this.voiceLogInstance,
    });
    const onRejected = (reason: string, topic: string) =>
      this.deps.bus.emit('inputRejected', { source: 'voice', reason, topic });
    this.directory = new SatelliteDirectory({
      transport: this.deps.transport,
      areaOf: (id) => this.deps.areaOf(id),
      onRejected,
      ...(this.deps.isOnline ? { isOnline: this.deps.isOnline } : {}),
    });
    await this.directory.start();
    this.arbiter = new WakeArbiter(config.arbitration, clock);
    this.satellites = new MqttSatellites({
      transport: this.deps.transport,
      clock,
      log: this.log,
      areaOf: (id) => this.deps.areaOf(id),
      idleTimeoutMs: config.satelliteIdleMs,
      onStream: (stream) => this.track(this.handleSatellite(stream)),
      onRejected,
    });
    await this.satellites.start();
    this.output = new SatelliteOutput({
      speakers: [mqttSpeakers(this.directory, this.satellites)],
      tts,
      log: this.log,
    });
    const speaker = config.speaker;
    if (speaker.area !== undefined) {
      this.localSpeaker = new LocalSpeaker({
        id: speaker.id,
        area: speaker.area,
        command: speaker.command,
        args: speaker.args,
        log: this.log,
      });
      this.output.addSpeakers(this.localSpeaker);
    }
  }

  async stop(): Promise<void> {
    for (const off of this.unsubscribe.splice(0)) off();
    if (this.grammarTimer) this.deps.clock.clearTimeout(this.grammarTimer);
    if (this.pruneTimer) this.deps.clock.clearTimeout(this.pruneTimer);
    this.grammarTimer = this.pruneTimer = undefined;
    await this.satellites?.stop();
    await this.directory?.stop();
    await this.localSpeaker?.stop();
    await Promise.allSettled([...this.inFlight]);
    await this.recognizerInstance?.stop();
    await this.voiceLogInstance?.stop();
    this.satellites = undefined;
    this.directory = undefined;
    this.output = undefined;
    this.localSpeaker = undefined;
    this.pipelineInstance = undefined;
    this.recognizerInstance = undefined;
    this.loaded = undefined;
    this.state = { status: 'missing', detail: 'voice is stopped' };
  }

  /** The `recognizer` entry of /status and `hearth status`. */
  status(): VoiceComponentStatus {
    return { ...this.state };
  }

  get recognizerName(): string {
    return this.recognizerInstance?.name ?? 'none';
  }

  get voiceLog(): VoiceLog {
    if (!this.voiceLogInstance) throw new Error('VoiceService.start() first');
    return this.voiceLogInstance;
  }

  /** A typed command (POST /utterances), kept in the voice log as source "typed"; nothing while voice is not started. */
  logTyped(command: { text: string; area?: string; intent?: string; reply: string; ms: number }): void {
    this.voiceLogInstance?.record({
      source: 'typed',
      transcript: command.text,
      reply: command.reply,
      timings: { totalMs: command.ms },
      ...(command.area ? { area: command.area } : {}),
      ...(command.intent ? { intent: command.intent } : {}),
    });
  }

  get pipeline(): VoicePipeline {
    if (!this.pipelineInstance) throw new Error('VoiceService.start() first');
    return this.pipelineInstance;
  }

  /** A WAV (any format sox reads) as one utterance; the API is push-to-talk, so no wake phrase is needed. */
  async handleWav(wav: Buffer, options: HandleOptions = {}): Promise<VoiceResult> {
    const work = this.pipeline.handleUtterance(wavBufferSource(wav, { name: 'api', chunkMs: 100 }), {
      pushToTalk: true,
      ...options,
    });
    this.track(work);
    return work;
  }

  /** Speech to text only (VAD + recogniser): nothing is understood, done or logged. Wyoming's `transcribe` uses it. */
  async transcribe(source: AudioSource): Promise<Transcription | undefined> {
    const work = this.pipeline.transcribe(source);
    this.track(work);
    return work;
  }

  /** Speaking on the satellites on the hub's own account: rings and announcements (hub/alerts' SoundOutput). */
  soundOutput(): SatelliteOutput {
    if (!this.output) throw new Error('VoiceService.start() first');
    return this.output;
  }

  /** The grammar the recogniser has now (undefined for the text recogniser or before the first load). */
  loadedGrammar(): LoadedGrammar | undefined {
    return this.loaded;
  }

  /** Rebuilds the grammar from the live templates and lists (devices, areas, skills), loads it and emits `grammarChanged`. */
  refreshGrammar(): Promise<void> {
    this.grammarQueue = this.grammarQueue.then(() => this.loadGrammar());
    return this.grammarQueue;
  }

  private async loadGrammar(): Promise<void> {
    const recognizer = this.recognizerInstance;
    if (!recognizer || !this.grammar || recognizer.name === 'text') return;
    try {
      const grammar = await this.grammar.build();
      await recognizer.setGrammar(grammar);
      this.loaded = { ...grammar, version: (this.loaded?.version ?? 0) + 1 };
      this.emitGrammarChanged(this.loaded);
      this.state = {
        status: 'ok',
        detail: `speech recogniser: ${recognizer.name} (grammar from ${grammar.origin === 'exporter' ? 'the live templates' : 'example sentences'}; wake phrase "${this.deps.config.wakePhrase}")`,
      };
    } catch (err) {
      const message = isHubError(err) ? err.message : (err as Error).message;
      this.log.error({ err: message }, 'grammar not loaded; voice commands may not be recognised');
      this.state = {
        status: 'degraded',
        detail: `speech recogniser ${recognizer.name} has no usable grammar: ${message}`,
      };
    }
  }

  /** A wake phrase the spotter cannot take leaves it to the command grammar's prefix, as before spotting. */
  private async spotWakePhrase(): Promise<void> {
    try {
      await this.recognizerInstance?.setWakePhrase?.(this.deps.config.wakePhrase);
    } catch (err) {
      const message = isHubError(err) ? err.message : (err as Error).message;
      this.log.warn({ err: message }, 'wake phrase spotter not loaded; the command grammar listens for the phrase');
    }
  }

  private async startRecognizerOrText(): Promise<Recognizer> {
    const { config } = this.deps;
    try {
      const { recognizer, status } = await startRecognizer(config, this.log, {
        channelStore: new SqliteChannelMeanStore(this.deps.db, this.deps.clock),
      });
      this.state =
        recognizer.name === 'text'
          ? { status: 'missing', detail: status.summary }
          : { status: 'ok', detail: status.summary };
      return recognizer;
    } catch (err) {
      if (!isHubError(err)) throw err;
      // A configured recogniser that cannot start must not stop the hub: typed commands still work.
      const summary = recognizerStatus(config).summary;
      this.state = {
        status: 'missing',
        detail: `${err.message === summary ? summary : `${summary} (${err.message})`}; typed commands work`,
      };
      this.log.warn({ err: err.message }, 'speech recogniser unavailable; voice is off, typed commands work');
      return new TextRecognizer();
    }
  }

  private async handleSatellite(stream: SatelliteStream): Promise<void> {
    try {
      this.directory?.noteStream(stream.satelliteId);
      // Several satellites heard the same wake word: the loudest takes the command, the others stand down silently.
      const verdict = await this.arbiter!.contend(stream.satelliteId, stream);
      if (!verdict.won) {
        this.log.info(
          { satellite: stream.satelliteId, winner: verdict.winner, energyDb: round1(verdict.energyDb) },
          'another satellite heard the wake word louder; standing down',
        );
        await this.satellites?.command(stream.satelliteId, { type: 'stand_down' });
        return;
      }
      if (verdict.rivals > 0)
        this.log.info(
          { satellite: stream.satelliteId, rivals: verdict.rivals, energyDb: round1(verdict.energyDb) },
          'took the command over other satellites',
        );
      // A satellite streams only after its own wake word or button (audio_start), so the stream is push-to-talk.
      const result = await this.pipeline.handleUtterance(verdict.source, {
        pushToTalk: true,
        satellite: stream.satelliteId,
        ...(stream.area !== undefined ? { area: stream.area } : {}),
      });
      if (result.replyAudio) await this.satellites?.speak(stream.satelliteId, result.replyAudio);
    } catch (err) {
      this.log.error({ err, satellite: stream.satelliteId }, 'satellite utterance failed');
    }
  }

  private track<T>(work: Promise<T>): void {
    const settled = work.then(
      () => undefined,
      () => undefined,
    );
    this.inFlight.add(settled);
    void settled.then(() => this.inFlight.delete(settled));
  }

  /** "Be quiet for an hour", typed or spoken: the skill's `replies_muted` action mutes the replies spoken there. */
  private followRepliesMuted(): MutedReplies {
    const muted = new MutedReplies(this.deps.clock);
    this.unsubscribe.push(
      this.deps.bus.on('utteranceHandled', (handled) => {
        const change = repliesChangeIn(handled.actions ?? []);
        if (change) muted.apply(change, handled.area);
      }),
    );
    return muted;
  }

  /** Everything whose words are in the grammar: device names, skills' sentences, area and floor names. */
  private followGrammarInputs(): (() => void)[] {
    const { bus, language, onHouseholdChange } = this.deps;
    const soon = () => this.scheduleGrammarRefresh();
    const offs = [
      bus.on('deviceAdded', soon),
      bus.on('deviceUpdated', soon),
      bus.on('deviceRemoved', soon),
      bus.on('skillChanged', soon),
      bus.on('catalogChanged', soon),
    ];
    if (onHouseholdChange) {
      // The language module refreshes its area/floor lists lazily (on the next utterance); the grammar is built from them now.
      offs.push(
        onHouseholdChange(() => {
          language.refreshHousehold();
          soon();
        }),
      );
    }
    return offs;
  }

  private emitGrammarChanged(grammar: LoadedGrammar): void {
    const jsgf = grammar.jsgf ?? '';
    this.deps.bus.emit('grammarChanged', {
      version: grammar.version,
      words: jsgfWords(jsgf).length,
      jsgfBytes: Buffer.byteLength(jsgf),
      phrases: grammar.phrases?.length ?? 0,
      unknownWords: grammar.unknownWords,
    });
  }

  private scheduleGrammarRefresh(): void {
    if (this.grammarTimer) this.deps.clock.clearTimeout(this.grammarTimer);
    this.grammarTimer = this.deps.clock.setTimeout(() => {
      this.grammarTimer = undefined;
      this.track(this.refreshGrammar());
    }, GRAMMAR_DEBOUNCE_MS);
  }

  private schedulePrune(): void {
    this.pruneTimer = this.deps.clock.setTimeout(() => {
      try {
        const removed = this.voiceLogInstance?.prune() ?? 0;
        if (removed > 0) this.log.info({ removed }, 'voice log entries past retention deleted');
      } catch (err) {
        this.log.error({ err }, 'voice log pruning failed');
      }
      this.schedulePrune();
    }, PRUNE_EVERY_MS);
  }
}

const round1 = (n: number) => Math.round(n * 10) / 10;
