import type { Clock } from '../core/clock.js';
import type { Logger } from '../core/logger.js';
import type { ExpectedAnswer } from '../sdk/answers.js';
import type { Intent, UtteranceContext } from '../sdk/intents.js';
import type { WordDictionary } from '../language/grammar/dictionary.js';
import { answerGrammar, answerGrammarName } from './answer-grammar.js';
import { bufferSource, type AudioSource } from './audio/pcm.js';
import type { VadConfig } from './config.js';
import type { ListeningGate, ListenTrigger } from './listening.js';
import type { MutedReplies } from './muted-replies.js';
import type { Fit, Lead, RecognitionResult, RecognitionSession, Recognizer, Refocused } from './recognizers/types.js';
import type { TextToSpeech } from './tts.js';
import { Endpointer } from './vad.js';
import type { VoiceLog } from './voice-log.js';

/** What the language + skills layers answer for a transcript; the pipeline does not look inside `actions`. */
export interface HandledUtterance {
  intent?: Intent;
  reply: string;
  actions: unknown[];
  /** The hub asked a question (confirmation, "which one?"): the answer needs no wake phrase. */
  expectsReply?: boolean;
  /** The answers that question takes: the recogniser listens for just those while it is open (answer-grammar.ts). */
  expects?: ExpectedAnswer;
  /** The command unlocks, opens, drives or buys (sensitive-heard.ts): its reply is spoken even where replies are muted. */
  guardsTheHouse?: boolean;
  /** The words acted on, when a focused pass heard the command in other words than the first (HeardContext.focus). */
  transcript?: string;
  /**
   * Split of the callback's time, when it knows it; otherwise it all counts as nluMs. `checkMs`: making sure of the
   * words before acting (the recogniser's second looks: fit, opposite reading, focused pass).
   */
  timings?: { nluMs: number; skillMs: number; checkMs?: number };
}

export interface HeardContext extends UtteranceContext {
  followUp: boolean;
  /** How sure the recogniser is of the words (RecognitionResult.margin), measured on request. */
  margin?: () => Promise<Fit>;
  /** How much better the heard words fit than other readings (RecognitionResult.lead), measured on request. */
  lead?: (rivals: readonly string[]) => Promise<Lead | undefined>;
  /** The command decoded again with only `intent`'s sentences (RecognitionResult.focus; wake phrase left out). */
  focus?: (intent: string) => Promise<Refocused | undefined>;
}

export type Understand = (text: string, context: HeardContext) => Promise<HandledUtterance>;

export interface VoiceTimings {
  /** From the last audio of the utterance (the endpoint) to the transcript. */
  sttMs: number;
  nluMs: number;
  /** Making sure of the words before acting (HandledUtterance.timings.checkMs); absent when nothing was checked. */
  checkMs?: number;
  skillMs: number;
  /** From the endpoint to the reply being ready (text and audio). */
  totalMs: number;
  /** Time the recogniser spent decoding the utterance (mostly while it was spoken). */
  recognizerMs: number;
  /** Length of the utterance audio. */
  audioMs: number;
}

export interface VoiceResult {
  transcript: string;
  /** Set when the transcript was taken as a command. */
  intent?: Intent;
  reply: string;
  actions: unknown[];
  timings: VoiceTimings;
  /** Why nothing was done: no speech, no wake phrase, or only the wake phrase. */
  ignored?: 'no_speech' | 'no_wake_phrase' | 'wake_only';
  /** Said to the hub but fitting nothing it knows: "Sorry, I didn't catch that." and nothing done. */
  rejected?: boolean;
  trigger?: ListenTrigger;
  /** The spoken reply (16 kHz mono WAV) for the local speaker or the satellite. */
  replyAudio?: Buffer;
  /** The reply was not spoken: the assistant's replies are muted where it was heard ("be quiet for an hour"). */
  muted?: true;
}

/** What `transcribe` heard: the first utterance of the source, found by the VAD and decoded as it arrived. */
export interface Transcription {
  text: string;
  /** From the endpoint to the transcript. */
  sttMs: number;
  recognizerMs: number;
  audioMs: number;
}

export interface VoicePipelineOptions {
  recognizer: Recognizer;
  understand: Understand;
  vad: VadConfig;
  gate: ListeningGate;
  clock: Clock;
  log: Logger;
  tts?: TextToSpeech;
  voiceLog?: VoiceLog;
  /** The words the recogniser can say (answer grammars leave the others out); without it answers use the command grammar. */
  dictionary?: () => Promise<WordDictionary>;
  /** How long a question waits for its answer (voice.followUpMs). */
  followUpMs?: number;
  /** Where replies are not spoken now; without it every reply is spoken. */
  mutedReplies?: MutedReplies;
  /**
   * Whether a command (wake phrase taken off) is whole: an exact sentence the hub would act on. After
   * `vad.completeSilenceMs` of silence an utterance whose words so far are one ends there.
   */
  wholeCommand?: (command: string, area: string | undefined) => boolean;
}

export interface HandleOptions {
  area?: string;
  user?: string;
  /** The satellite that heard it (its device id): timers and alarms set by it ring there. */
  satellite?: string;
  dryRun?: boolean;
  /** The button was held (or the API said so): no wake phrase needed. */
  pushToTalk?: boolean;
}

const round = (ms: number) => Math.round(ms * 100) / 100;
export const NOT_CAUGHT_REPLY = "Sorry, I didn't catch that.";

interface OpenQuestion {
  /** The recogniser's answer grammar for it (setAnswerGrammar). */
  grammar: string;
  until: number;
}

/**
 * One utterance from audio to answer: VAD finds the speech, the recogniser decodes it as it
 * arrives, the gate checks the wake phrase, `understand` (language + skills) acts, TTS speaks.
 */
export class VoicePipeline {
  /** Per area (`*`: none), the question the hub asked there and is waiting for an answer to. */
  private readonly questions = new Map<string, OpenQuestion>();

  constructor(private readonly options: VoicePipelineOptions) {}

  async handleUtterance(input: Buffer | AudioSource, handle: HandleOptions = {}): Promise<VoiceResult> {
    const source = Buffer.isBuffer(input) ? bufferSource(input) : input;
    const area = handle.area ?? source.area;
    const question = this.openQuestion(area);
    const where = { ...(area !== undefined ? { area } : {}), ...(handle.pushToTalk ? { pushToTalk: true } : {}) };
    const spotWake = !question && this.options.gate.awaitsWakePhrase(where);
    // A question's answers are listened for to the end; a wake phrase still to be spotted leaves no words to judge.
    const whole =
      !question && !spotWake && this.options.wholeCommand && this.options.vad.completeSilenceMs != null
        ? (words: string) => {
            // Judged on the words alone (the gate decides on the final words, once).
            const command = this.options.gate.withoutWakePhrase(words);
            return command !== '' && this.options.wholeCommand!(command, area);
          }
        : undefined;
    const heard = await this.listen(
      source,
      handle.dryRun === true ? undefined : handle,
      question?.grammar,
      spotWake,
      whole,
    );
    const transcript = heard?.text ?? '';
    const timings: VoiceTimings = {
      sttMs: heard?.sttMs ?? 0,
      nluMs: 0,
      skillMs: 0,
      totalMs: 0,
      recognizerMs: heard?.recognizerMs ?? 0,
      audioMs: heard?.audioMs ?? 0,
    };
    const base = { transcript, actions: [] as unknown[], timings };
    // The spotter found no wake phrase, or one followed by words that fit no command: talk, not meant for the hub
    // (a wake phrase spotted in talk is far likelier than a command after it).
    if (heard && (heard.woken === false || (heard.woken && heard.rejected))) {
      const result: VoiceResult = { ...base, reply: '', ignored: 'no_wake_phrase' };
      timings.totalMs = round(performance.now() - heard.endpointAt);
      this.record(source.name, area, result, heard.audio);
      return result;
    }
    if (heard?.rejected) {
      const result: VoiceResult = this.options.gate.heardUnknown(transcript, where)
        ? { ...base, reply: NOT_CAUGHT_REPLY, rejected: true, ...(await this.spoken(NOT_CAUGHT_REPLY, area)) }
        : { ...base, reply: '', ignored: 'no_wake_phrase' };
      // The question stays open: the person may say the answer again.
      if (question && result.rejected) question.until = this.options.clock.now() + this.followUpMs();
      timings.totalMs = round(performance.now() - heard.endpointAt);
      this.record(source.name, area, result, heard.audio);
      return result;
    }
    const decision = this.options.gate.decide(transcript, where);
    let result: VoiceResult;
    if (!heard || !decision.accepted) {
      const ignored: VoiceResult['ignored'] =
        !heard || decision.accepted || decision.reason === 'empty' ? 'no_speech' : decision.reason;
      result = { ...base, reply: '', ignored };
    } else {
      const t0 = performance.now();
      const mutedBefore = this.options.mutedReplies?.isMuted(area) === true;
      const understood = await this.options.understand(decision.command, {
        ...(area !== undefined ? { area } : {}),
        ...(handle.user !== undefined ? { user: handle.user } : {}),
        ...(handle.satellite !== undefined ? { satellite: handle.satellite } : {}),
        dryRun: handle.dryRun === true,
        followUp: decision.trigger === 'follow_up',
        ...(heard.margin ? { margin: heard.margin } : {}),
        ...(heard.lead ? { lead: heard.lead } : {}),
        ...(heard.focus ? { focus: this.commandWords(heard.focus) } : {}),
      });
      const spent = performance.now() - t0;
      timings.nluMs = round(understood.timings?.nluMs ?? spent);
      timings.skillMs = round(understood.timings?.skillMs ?? 0);
      if (understood.timings?.checkMs !== undefined) timings.checkMs = understood.timings.checkMs;
      if (understood.expectsReply) this.options.gate.expectFollowUp(area);
      if (handle.dryRun !== true) await this.listenForAnswer(area, understood.expects);
      result = {
        ...base,
        ...(understood.transcript !== undefined ? { transcript: understood.transcript } : {}),
        ...(understood.intent ? { intent: understood.intent } : {}),
        reply: understood.reply,
        actions: understood.actions,
        trigger: decision.trigger,
      };
      // Spoken while muted: a question (it waits for an answer), what guards the house, and the reply that mutes
      // or unmutes (it was not muted before it, or is not after it).
      const mustSpeak = understood.expectsReply === true || understood.guardsTheHouse === true || !mutedBefore;
      Object.assign(result, await this.spoken(understood.reply, area, mustSpeak));
    }
    timings.totalMs = round(heard ? performance.now() - heard.endpointAt : 0);
    this.record(source.name, area, result, heard?.audio);
    return result;
  }

  /** The first utterance of the source as text, without the wake gate, understanding or the voice log; undefined when no speech was heard. */
  async transcribe(source: AudioSource): Promise<Transcription | undefined> {
    const heard = await this.listen(source, undefined);
    if (!heard) return undefined;
    return { text: heard.text, sttMs: heard.sttMs, recognizerMs: heard.recognizerMs, audioMs: heard.audioMs };
  }

  /** A focused pass's words without the wake phrase, as the gate hands on a command. */
  private commandWords(focus: NonNullable<RecognitionResult['focus']>): NonNullable<HeardContext['focus']> {
    return async (intent) => {
      const again = await focus(intent);
      return again && { ...again, text: this.options.gate.withoutWakePhrase(again.text) };
    };
  }

  private async spoken(
    reply: string,
    area: string | undefined,
    evenIfMuted = false,
  ): Promise<Pick<VoiceResult, 'replyAudio' | 'muted'>> {
    if (!reply) return {};
    if (!evenIfMuted && this.options.mutedReplies?.isMuted(area)) return { muted: true };
    if (!this.options.tts) return {};
    const spoken = await this.options.tts.synthesize(reply);
    return spoken.wav ? { replyAudio: spoken.wav } : {};
  }

  private followUpMs(): number {
    return this.options.followUpMs ?? 8000;
  }

  /** The question open in this area (or asked with no area), if it is still waiting. */
  private openQuestion(area: string | undefined): OpenQuestion | undefined {
    const now = this.options.clock.now();
    for (const key of [area ?? '*', '*']) {
      const question = this.questions.get(key);
      if (question && question.until > now) return question;
      this.questions.delete(key);
    }
    return undefined;
  }

  /**
   * After a question, its answers are decoded with a small grammar of just those (answer-grammar.ts); after
   * anything else the area is back to commands. Loading a few dozen words takes a few milliseconds.
   */
  private async listenForAnswer(area: string | undefined, expects: ExpectedAnswer | undefined): Promise<void> {
    const key = area ?? '*';
    this.questions.delete(key);
    const { recognizer, dictionary } = this.options;
    if (!expects || !recognizer.setAnswerGrammar || !dictionary) return;
    const grammar = answerGrammarName(expects);
    try {
      const words = await dictionary();
      await recognizer.setAnswerGrammar(
        grammar,
        answerGrammar(expects, (w) => words.has(w)),
      );
      this.questions.set(key, { grammar, until: this.options.clock.now() + this.followUpMs() });
    } catch (err) {
      // The command grammar then hears the answer, as before answer grammars.
      this.options.log.warn({ err: (err as Error).message, grammar }, 'answer grammar not loaded');
    }
  }

  /** Reads the source until the first utterance ends; decodes while it is spoken. */
  private async listen(
    source: AudioSource,
    keepAudio: HandleOptions | undefined,
    answerGrammar?: string,
    spotWake = false,
    whole?: (words: string) => boolean,
  ) {
    const vad = new Endpointer(this.options.vad);
    let session: RecognitionSession | undefined;
    const completeSilenceMs = this.options.vad.completeSilenceMs ?? Infinity;
    /** The words last judged (they change rarely during a silence), and whether they were a whole command. */
    let judged: { words: string; whole: boolean } | undefined;
    const wholeSoFar = (): boolean => {
      if (!whole || !session || !vad.speaking || vad.silentMs < completeSilenceMs) return false;
      const words = session.partial?.();
      if (!words) return false;
      if (judged?.words !== words) judged = { words, whole: whole(words) };
      return judged.whole;
    };
    const audio: Buffer[] = [];
    let audioBytes = 0;
    const feed = (pcm: Buffer) => {
      session!.feed(pcm);
      audioBytes += pcm.length;
      if (keepAudio) audio.push(pcm);
    };
    const onEvents = (events: ReturnType<Endpointer['process']>): boolean => {
      for (const event of events) {
        if (event.type === 'start') {
          session = this.options.recognizer.startUtterance({
            source: source.name,
            nonSpeechMs: this.options.vad.preRollMs + this.options.vad.trailingSilenceMs,
            ...(source.standalone ? { standalone: true } : {}),
            ...(answerGrammar ? { grammar: answerGrammar } : {}),
            ...(spotWake ? { spotWake } : {}),
          });
          feed(event.pcm);
        } else if (event.type === 'audio') feed(event.pcm);
        else return true;
      }
      return false;
    };
    let ended = false;
    try {
      for await (const chunk of source.chunks()) {
        if (onEvents(vad.process(chunk)) || wholeSoFar()) {
          ended = true;
          break;
        }
      }
      if (!ended) onEvents(vad.finish());
    } catch (err) {
      session?.cancel();
      throw err;
    }
    if (!session) return undefined;
    const endpointAt = performance.now();
    const result = await session.end();
    return {
      text: result.text,
      rejected: result.rejected === true,
      woken: result.woken,
      margin: result.margin,
      lead: result.lead,
      focus: result.focus,
      endpointAt,
      sttMs: round(performance.now() - endpointAt),
      recognizerMs: result.ms,
      audioMs: round(audioBytes / 32),
      audio: keepAudio ? Buffer.concat(audio) : undefined,
    };
  }

  private record(source: string, area: string | undefined, result: VoiceResult, audio: Buffer | undefined): void {
    if (!this.options.voiceLog || result.ignored === 'no_speech') return;
    try {
      this.options.voiceLog.record({
        source,
        ...(area !== undefined ? { area } : {}),
        transcript: result.transcript,
        ...(result.intent ? { intent: result.intent.name } : {}),
        reply: result.reply,
        timings: { ...result.timings },
        ...(audio ? { audio } : {}),
      });
    } catch (err) {
      this.options.log.error({ err }, 'voice log write failed');
    }
  }
}
