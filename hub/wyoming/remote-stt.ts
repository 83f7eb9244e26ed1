/**
 * Speech-to-text on a Wyoming service (`voice.stt.wyoming`: whisper, vosk, …) with the local recogniser
 * behind it. Each utterance opens a connection at the start of speech and streams audio as it arrives;
 * the audio is also kept, so when the service cannot be reached, drops the connection or does not answer
 * within replyTimeoutMs after audio-stop, the local recogniser decodes the same audio instead (and takes
 * the live audio from then on); one late by localHedgeMs already has the local recogniser decoding beside it. While the service is down, utterances go to the local one directly.
 * The service's free-form text goes on through the same understanding as typed text.
 */
import type { Logger } from '../core/logger.js';
import { normalizeText } from '../language/normalize.js';
import type {
  Grammar,
  RecognitionResult,
  RecognitionSession,
  Recognizer,
  UtteranceOptions,
} from '../voice/recognizers/types.js';
import { HUB_FORMAT } from './audio-format.js';
import { makeEvent } from './codec.js';
import type { WyomingConnection } from './connection.js';
import type { RemoteService } from './remote-service.js';

export interface RemoteSttOptions {
  service: RemoteService;
  local: Recognizer;
  language: string;
  model?: string;
  log: Logger;
}

const FORMAT = { rate: HUB_FORMAT.rate, width: HUB_FORMAT.width, channels: HUB_FORMAT.channels };

export class WyomingRecognizer implements Recognizer {
  readonly name = 'wyoming' as const;

  constructor(private readonly options: RemoteSttOptions) {}

  /** The voice service starts the local engine before wrapping it; the service's health checks belong to hub/wiring. */
  async start(): Promise<void> {}

  async stop(): Promise<void> {
    await this.options.local.stop();
  }

  /** The grammar is for the local recogniser; a free-form service does not take one. */
  setGrammar(grammar: Grammar): Promise<void> {
    return this.options.local.setGrammar(grammar);
  }

  startUtterance(utterance: UtteranceOptions = {}): RecognitionSession {
    const { service, local } = this.options;
    if (!service.usable()) {
      service.fellBack();
      return local.startUtterance(utterance);
    }
    return new RemoteSttSession(this.options, utterance);
  }
}

class RemoteSttSession implements RecognitionSession {
  private readonly audio: Buffer[] = [];
  private conn: WyomingConnection | undefined;
  private localSession: RecognitionSession | undefined;
  private readonly opening: Promise<void>;
  private cancelled = false;
  /** The transcript came (or Hearth gave up on the service): its closing the connection is expected. */
  private finished = false;
  private bytes = 0;
  /** The local recogniser already decoding the utterance because the service was late (end()). */
  private hedge: { session: RecognitionSession; result: Promise<RecognitionResult> } | undefined;

  constructor(
    private readonly options: RemoteSttOptions,
    private readonly utterance: UtteranceOptions,
  ) {
    this.opening = this.open().catch((err) => this.fallBack(err));
  }

  feed(pcm: Buffer): void {
    if (this.localSession) {
      this.localSession.feed(pcm);
      return;
    }
    this.audio.push(pcm);
    if (this.conn) this.sendChunk(this.conn, pcm);
    this.bytes += pcm.length;
  }

  async end(): Promise<RecognitionResult> {
    const started = performance.now();
    await this.opening;
    const conn = this.conn;
    if (this.localSession || !conn) return this.endLocal();
    const { replyTimeoutMs, localHedgeMs = replyTimeoutMs } = this.options.service.timings;
    // A late service: the local recogniser starts on the kept audio now, so a service that never answers costs
    // replyTimeoutMs, not replyTimeoutMs plus the decode (the service's transcript still wins if it comes in time).
    const hedgeTimer = localHedgeMs < replyTimeoutMs ? setTimeout(() => this.startHedge(), localHedgeMs) : undefined;
    try {
      await conn.send(makeEvent('audio-stop', { timestamp: this.ms(this.bytes) }));
      const transcript = await conn.waitFor(['transcript'], replyTimeoutMs);
      this.finished = true;
      const text = typeof transcript.data.text === 'string' ? transcript.data.text : '';
      this.options.service.succeeded();
      this.hedge?.session.cancel();
      return { text: normalizeText(text), ms: Math.round((performance.now() - started) * 100) / 100 };
    } catch (err) {
      if (!this.hedge) {
        this.fallBack(err);
        return this.endLocal();
      }
      this.fellBack(err);
      return this.hedge.result;
    } finally {
      clearTimeout(hedgeTimer);
      this.finished = true;
      conn.close();
    }
  }

  /** The local recogniser decoding the kept audio beside a service that is late with its transcript. */
  private startHedge(): void {
    if (this.cancelled || this.finished) return;
    const session = this.options.local.startUtterance(this.utterance);
    for (const pcm of this.audio) session.feed(pcm);
    const result = session.end();
    result.catch(() => undefined); // cancelled when the service answers in time
    this.hedge = { session, result };
  }

  cancel(): void {
    this.cancelled = true;
    this.conn?.close('utterance cancelled');
    this.localSession?.cancel();
    this.hedge?.session.cancel();
  }

  private async open(): Promise<void> {
    const { service, language, model } = this.options;
    const conn = await service.connect();
    if (this.cancelled || this.localSession) {
      conn.close();
      return;
    }
    conn.onClose((reason) => {
      // Closed by the service before its transcript: the local recogniser takes over now, not at the end.
      if (!this.localSession && !this.cancelled && !this.finished)
        this.fallBack(new Error(`the service closed the connection (${reason})`));
    });
    await conn.send(makeEvent('transcribe', { language, ...(model ? { name: model } : {}) }));
    await conn.send(makeEvent('audio-start', { ...FORMAT, timestamp: 0 }));
    this.conn = conn;
    let sent = 0;
    for (const pcm of this.audio) {
      this.sendChunk(conn, pcm, sent);
      sent += pcm.length;
    }
  }

  private sendChunk(conn: WyomingConnection, pcm: Buffer, offset = this.bytes): void {
    conn
      .send(makeEvent('audio-chunk', { ...FORMAT, timestamp: this.ms(offset) }, pcm))
      .catch((err) => this.fallBack(err));
  }

  private ms(bytes: number): number {
    return Math.round(bytes / ((HUB_FORMAT.rate * HUB_FORMAT.width) / 1000));
  }

  /** Hands the utterance to the local recogniser: what was heard so far, then the rest as it comes. */
  private fallBack(err: unknown): void {
    // While the hedge decodes, end() itself reports the failure and answers with the hedge's result.
    if (this.localSession || this.cancelled || this.hedge) return;
    this.fellBack(err);
    this.finished = true;
    this.conn?.close();
    this.localSession = this.options.local.startUtterance(this.utterance);
    for (const pcm of this.audio.splice(0)) this.localSession.feed(pcm);
  }

  /** The service failed this utterance: marked down, and the local recogniser counted as serving it. */
  private fellBack(err: unknown): void {
    const { service, log } = this.options;
    service.failed(err);
    service.fellBack();
    log.debug({ err: err instanceof Error ? err.message : String(err) }, 'utterance handed to the local recogniser');
  }

  private endLocal(): Promise<RecognitionResult> {
    if (!this.localSession) this.fallBack(new Error('no connection to the service'));
    return this.localSession!.end();
  }
}
