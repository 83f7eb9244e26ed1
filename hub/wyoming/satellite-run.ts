/**
 * One pipeline run on a Wyoming satellite, from its `run-pipeline` to the `played` of the reply:
 *   start_stage wake: the audio goes to the wake word service (voice.wake.wyoming) until it detects, or, without
 *     one (or while it is down), through Hearth's recogniser, which acts only on utterances that begin with the
 *     wake phrase; start_stage asr: the satellite woke itself, the audio is the command (push-to-talk).
 *   Then, as Home Assistant does: `detection` (when Hearth found the wake word), `transcript`, and for end_stage tts
 *   `synthesize` {text} and the reply as audio-start/chunk/stop, then waiting for the satellite's `played`.
 */
import type { Logger } from '../core/logger.js';
import { ChunkQueue } from '../voice/audio/chunk-queue.js';
import type { AudioSource } from '../voice/audio/pcm.js';
import { parseWav } from '../voice/audio/wav.js';
import { pcmMs, sendAudio } from './audio-format.js';
import { makeEvent } from './codec.js';
import type { WyomingConnection } from './connection.js';
import type { RemoteService } from './remote-service.js';
import { WakeStream, type WakeDetection } from './remote-wake.js';

export type PipelineStage = 'wake' | 'asr' | 'intent' | 'handle' | 'tts';

export interface SatelliteResult {
  transcript: string;
  reply: string;
  /** 16 kHz mono WAV. */
  replyAudio?: Buffer;
  /** The assistant's replies are muted where it was heard: nothing is said back. */
  muted?: true;
  ignored?: 'no_speech' | 'no_wake_phrase' | 'wake_only';
  trigger?: string;
}

/** What a satellite needs from Hearth's voice pipeline. */
export interface SatelliteVoicePort {
  /** One utterance: VAD, recogniser, wake gate, understanding, skills, reply (nothing done when dryRun). */
  handle(
    source: AudioSource,
    options: { area?: string; satellite?: string; pushToTalk: boolean; dryRun: boolean },
  ): Promise<SatelliteResult>;
  /** The first utterance as text only. */
  transcribe(source: AudioSource): Promise<string>;
  readonly wakePhrase: string;
}

export interface SatelliteRunOptions {
  conn: WyomingConnection;
  voice: SatelliteVoicePort;
  /** `wyoming-satellite:<id>`: the voice log's and the recogniser's name for this microphone. */
  source: string;
  /** The satellite's id: what it sets (a timer, a reminder) rings on it. */
  satellite?: string;
  area: string | undefined;
  startStage: 'wake' | 'asr';
  endStage: PipelineStage;
  /** The wake word service, when one is configured. */
  wake: { service: RemoteService; names: readonly string[] } | undefined;
  /** How long to wait for `played` beyond the reply's own length. */
  playedGraceMs: number;
  log: Logger;
  /** Told of each command the satellite gave (for /status). */
  onCommand?: (result: SatelliteResult) => void;
}

/** Audio kept for the hand-over from the wake word service to the recogniser. */
const KEEP_MS = 3000;

export class SatelliteRun {
  readonly done: Promise<void>;
  private mode: 'wake-remote' | 'wake-local' | 'asr' | 'responding' = 'asr';
  private positionMs = 0;
  private readonly recent: { at: number; pcm: Buffer }[] = [];
  private queue = new ChunkQueue<Buffer>();
  private wakeStream: WakeStream | undefined;
  private playedSignal: (() => void) | undefined;
  private cancelled = false;

  constructor(private readonly options: SatelliteRunOptions) {
    this.done = this.run().catch((err) => {
      if (!this.cancelled)
        options.log.warn({ err: (err as Error).message, source: options.source }, 'satellite pipeline run failed');
    });
  }

  /** Hub PCM from the satellite's microphone. */
  feed(pcm: Buffer): void {
    const at = this.positionMs;
    this.positionMs += pcmMs(pcm.length);
    this.recent.push({ at, pcm });
    while (this.recent.length > 0 && this.recent[0]!.at < this.positionMs - KEEP_MS) this.recent.shift();
    if (this.mode === 'wake-remote') this.wakeStream?.push(pcm, at);
    else if (this.mode !== 'responding') this.queue.push(pcm);
  }

  /** The satellite's audio-stop: no more audio in this run. */
  endAudio(): void {
    this.queue.end();
    this.wakeStream?.close();
  }

  /** The satellite's `played`: the reply has been heard. */
  played(): void {
    this.playedSignal?.();
  }

  cancel(): void {
    this.cancelled = true;
    this.endAudio();
    this.played();
  }

  private source(): AudioSource {
    const queue = this.queue;
    return {
      name: this.options.source,
      ...(this.options.area !== undefined ? { area: this.options.area } : {}),
      chunks: () => queue,
    };
  }

  private async run(): Promise<void> {
    const { startStage, wake } = this.options;
    let result: SatelliteResult | undefined;
    if (startStage === 'wake' && wake && !wake.service.usable()) wake.service.fellBack();
    if (startStage === 'wake' && wake && wake.service.usable()) {
      const detection = await this.wakeRemotely(wake.service, wake.names);
      if (detection) {
        await this.send('detection', { name: detection.name, timestamp: detection.timestamp });
        result = await this.command(true);
      }
    }
    if (!result && startStage === 'wake') result = await this.wakeLocally();
    if (!result && startStage === 'asr') result = await this.command(true);
    if (!result || this.cancelled) return;
    await this.respond(result);
  }

  /** Streams to the wake word service until it detects; undefined when it failed (the wake phrase takes over). */
  private async wakeRemotely(service: RemoteService, names: readonly string[]): Promise<WakeDetection | undefined> {
    this.mode = 'wake-remote';
    this.wakeStream = WakeStream.open(service, names);
    for (const chunk of this.recent) this.wakeStream.push(chunk.pcm, chunk.at);
    try {
      const detection = await this.wakeStream.detected;
      // What came after the chunk the wake word ended in is the start of the command.
      this.queue = new ChunkQueue<Buffer>();
      this.mode = 'asr';
      for (const chunk of this.recent) if (chunk.at > detection.timestamp) this.queue.push(chunk.pcm);
      return detection;
    } catch (err) {
      if (this.cancelled) return undefined;
      this.options.log.info(
        { err: (err as Error).message, source: this.options.source },
        'wake word service unavailable; listening for the wake phrase',
      );
      this.queue = new ChunkQueue<Buffer>();
      this.mode = 'wake-local';
      for (const chunk of this.recent) this.queue.push(chunk.pcm);
      return undefined;
    } finally {
      this.wakeStream = undefined;
    }
  }

  /** Utterance after utterance through the recogniser until one begins with the wake phrase (or follows it). */
  private async wakeLocally(): Promise<SatelliteResult | undefined> {
    this.mode = 'wake-local';
    for (;;) {
      if (this.cancelled || this.queue.isEnded) return undefined;
      const result = await this.command(false);
      if (!result) return undefined;
      if (!result.ignored) return result;
      if (result.ignored === 'no_speech' && this.queue.isEnded) return undefined;
      // The wake phrase alone: woken, as a wake word service's detection; the gate takes the next utterance without it.
      if (result.ignored === 'wake_only')
        await this.send('detection', { name: this.options.voice.wakePhrase, timestamp: Math.round(this.positionMs) });
      this.queue = new ChunkQueue<Buffer>();
    }
  }

  private async command(pushToTalk: boolean): Promise<SatelliteResult | undefined> {
    const { voice, endStage, area } = this.options;
    if (this.mode !== 'wake-local') this.mode = 'asr';
    if (endStage === 'asr') {
      const text = await voice.transcribe(this.source());
      return { transcript: text, reply: '', ...(text ? {} : { ignored: 'no_speech' as const }) };
    }
    const satellite = this.options.satellite;
    return voice.handle(this.source(), {
      ...(area !== undefined ? { area } : {}),
      ...(satellite !== undefined ? { satellite } : {}),
      pushToTalk,
      dryRun: endStage === 'intent',
    });
  }

  private async respond(result: SatelliteResult): Promise<void> {
    this.mode = 'responding';
    const { endStage, voice } = this.options;
    if (result.ignored === 'no_speech' || !result.transcript) {
      await this.send('error', { text: "Sorry, I didn't hear a command.", code: 'stt-no-text-recognized' });
      return;
    }
    if (result.trigger === 'wake_phrase') await this.send('detection', { name: voice.wakePhrase, timestamp: 0 });
    await this.send('transcript', { text: result.transcript });
    this.options.onCommand?.(result);
    if (endStage !== 'tts' || !result.reply || result.muted) return;
    await this.send('synthesize', { text: result.reply });
    const pcm = result.replyAudio ? parseWav(result.replyAudio).data : undefined;
    if (!pcm || pcm.length === 0) return;
    const played = new Promise<void>((resolve) => (this.playedSignal = resolve));
    await sendAudio(this.options.conn, pcm);
    const waitMs = pcmMs(pcm.length) + this.options.playedGraceMs;
    const timedOut = await Promise.race([
      played.then(() => false),
      new Promise<boolean>((r) => setTimeout(r, waitMs, true).unref()),
    ]);
    if (timedOut)
      this.options.log.warn(
        { source: this.options.source, waitMs: Math.round(waitMs) },
        'satellite did not say it played the reply',
      );
  }

  private send(type: string, data: Record<string, unknown>): Promise<void> {
    return this.options.conn.send(makeEvent(type, data));
  }
}
