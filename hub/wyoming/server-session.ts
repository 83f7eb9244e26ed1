/**
 * One client of Hearth's Wyoming server (Home Assistant, a satellite, a test): reads its events in
 * order and answers each flow of the protocol:
 *   describe → info;  transcribe + audio-start/chunk…/stop → transcript (audio decoded as it arrives);
 *   recognize → intent | not-recognized;  transcript → handled | not-handled;
 *   synthesize → audio-start, audio-chunk…, audio-stop.
 * A request Hearth cannot serve gets an `error` event and the connection stays open; a peer that
 * breaks the framing or the limits is disconnected (connection.ts).
 */
import type { Logger } from '../core/logger.js';
import { isHubError } from '../sdk/errors.js';
import type { Intent, UtteranceContext } from '../sdk/intents.js';
import { ChunkQueue } from '../voice/audio/chunk-queue.js';
import {
  HUB_FORMAT,
  pcmChunks,
  pcmMs,
  PcmConverter,
  readAudioFormat,
  sameFormat,
  type AudioFormat,
} from './audio-format.js';
import { makeEvent, type WyomingEvent } from './codec.js';
import type { WyomingConnection } from './connection.js';
import type { HearthVoicePort } from './hearth-port.js';
import { buildInfo } from './info.js';

export interface SessionOptions {
  hearth: HearthVoicePort;
  log: Logger;
  maxStreamMs: number;
  /** The `handle` service is offered (config `wyoming.server.handle`). */
  handle: boolean;
  /** Called with every request served, for the server's counters. */
  onServed?: (type: string) => void;
}

interface OpenStream {
  queue: ChunkQueue<Buffer>;
  format: AudioFormat;
  converter: PcmConverter;
  hubBytes: number;
  text: Promise<string>;
}

const MAX_TEXT = 2000;

/** A request this server cannot serve; answered with an `error` event carrying `code`, the connection stays open. */
export class WyomingRequestError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function text(data: Record<string, unknown>, key = 'text'): string | undefined {
  const value = data[key];
  return typeof value === 'string' && value.trim().length > 0 ? value.slice(0, MAX_TEXT) : undefined;
}

/**
 * Home Assistant's `intent` event: the slots as `entities: [{name, value}]`. No `text`: it is the reply to
 * speak, and recognising does nothing that could be reported.
 */
export function intentEvent(intent: Intent): WyomingEvent {
  const entities = Object.entries(intent.slots).map(([name, value]) => ({ name, value }));
  return makeEvent('intent', { name: intent.name, entities });
}

export class ServerSession {
  private stream: OpenStream | undefined;
  private transcribeRequest: { language?: string } | undefined;
  private readonly source: string;

  constructor(
    private readonly conn: WyomingConnection,
    private readonly options: SessionOptions,
  ) {
    this.source = `wyoming:${conn.remote.replace(/:\d+$/, '')}`;
  }

  async run(): Promise<void> {
    for (;;) {
      const next = await this.conn.next();
      if (!next) break;
      try {
        await this.dispatch(next);
      } catch (err) {
        const message = (err as Error).message;
        const code = err instanceof WyomingRequestError ? err.code : isHubError(err) ? err.code : 'internal';
        this.options.log.warn({ peer: this.conn.remote, event: next.type, err: message }, 'wyoming request failed');
        if (!this.conn.isClosed)
          await this.conn.send(makeEvent('error', { text: message, code })).catch(() => undefined);
      }
    }
    this.stream?.queue.end();
  }

  private async dispatch(event: WyomingEvent): Promise<void> {
    const { data } = event;
    switch (event.type) {
      case 'describe':
        await this.conn.send(makeEvent('info', buildInfo(await this.options.hearth.capabilities())));
        break;
      case 'transcribe':
        this.transcribeRequest = typeof data.language === 'string' ? { language: data.language } : {};
        break;
      case 'audio-start':
        this.openStream(data);
        break;
      case 'audio-chunk':
        this.feed(data, event.payload);
        break;
      case 'audio-stop':
        await this.finishStream();
        break;
      case 'recognize':
        await this.recognize(data);
        break;
      case 'transcript':
        await this.handle(data);
        break;
      case 'synthesize':
        await this.synthesize(data);
        break;
      case 'intent':
        await this.conn.send(
          makeEvent('not-handled', { text: 'Hearth handles text: send what was said as a transcript event.' }),
        );
        break;
      default:
        // Events of other services or newer versions are not for this server; the protocol says to ignore them.
        this.options.log.debug({ peer: this.conn.remote, event: event.type }, 'wyoming event ignored');
        return;
    }
    this.options.onServed?.(event.type);
  }

  private openStream(data: Record<string, unknown>): void {
    const format = readAudioFormat(data);
    if (typeof format === 'string') throw new WyomingRequestError('bad-audio-format', `audio-start: ${format}`);
    this.stream?.queue.end();
    const queue = new ChunkQueue<Buffer>();
    const text = this.options.hearth.transcribe({ name: this.source, chunks: () => queue });
    text.catch(() => undefined); // awaited at audio-stop
    this.stream = { queue, format, converter: new PcmConverter(format), hubBytes: 0, text };
  }

  private feed(data: Record<string, unknown>, payload: Buffer | undefined): void {
    const stream = this.stream;
    if (!stream || !payload) return;
    // Chunks repeat the format (the reference client sends it on every one); a different one mid-stream is refused.
    if (data.rate !== undefined) {
      const format = readAudioFormat(data);
      if (typeof format === 'string' || !sameFormat(format, stream.format)) {
        this.dropStream();
        throw new WyomingRequestError(
          'bad-audio-format',
          `audio-chunk: the format changed inside the stream (${typeof format === 'string' ? format : JSON.stringify(format)}); send a new audio-start`,
        );
      }
    }
    const pcm = stream.converter.convert(payload);
    stream.hubBytes += pcm.length;
    if (pcmMs(stream.hubBytes, HUB_FORMAT) > this.options.maxStreamMs) {
      this.dropStream();
      this.conn.fail(
        'stream-too-long',
        `audio streams are limited to ${this.options.maxStreamMs} ms (wyoming.limits.maxStreamMs)`,
      );
      return;
    }
    stream.queue.push(pcm);
  }

  private dropStream(): void {
    this.stream?.queue.end();
    this.stream = undefined;
  }

  private async finishStream(): Promise<void> {
    const stream = this.stream;
    this.stream = undefined;
    const request = this.transcribeRequest;
    this.transcribeRequest = undefined;
    if (!stream) return;
    stream.queue.end();
    const heard = await stream.text;
    await this.conn.send(
      makeEvent('transcript', { text: heard, ...(request?.language ? { language: request.language } : {}) }),
    );
  }

  private async recognize(data: Record<string, unknown>): Promise<void> {
    const said = text(data);
    if (!said) throw new WyomingRequestError('bad-request', 'recognize needs a non-empty "text"');
    const { intent, suggestion } = this.options.hearth.recognize(said, contextOf(data));
    if (intent) await this.conn.send(intentEvent(intent));
    else
      await this.conn.send(
        makeEvent('not-recognized', {
          text: suggestion
            ? `Sorry, I didn't understand that. Did you mean "${suggestion}"?`
            : "Sorry, I didn't understand that.",
        }),
      );
  }

  private async handle(data: Record<string, unknown>): Promise<void> {
    const said = text(data);
    if (!this.options.handle) {
      await this.conn.send(
        makeEvent('not-handled', { text: 'Handling is turned off on this hub (wyoming.server.handle).' }),
      );
      return;
    }
    if (!said) {
      await this.conn.send(makeEvent('not-handled', { text: "Sorry, I didn't catch that." }));
      return;
    }
    const outcome = await this.options.hearth.handle(said, contextOf(data));
    await this.conn.send(makeEvent(outcome.handled ? 'handled' : 'not-handled', { text: outcome.reply }));
  }

  private async synthesize(data: Record<string, unknown>): Promise<void> {
    const said = text(data);
    if (!said) throw new WyomingRequestError('bad-request', 'synthesize needs a non-empty "text"');
    const voice =
      typeof data.voice === 'object' && data.voice !== null ? (data.voice as Record<string, unknown>).name : undefined;
    const pcm = await this.options.hearth.synthesize(said, typeof voice === 'string' ? voice : undefined);
    if (!pcm)
      throw new WyomingRequestError(
        'tts-unavailable',
        'text-to-speech is not available on this hub: install espeak-ng, or turn voice.tts.enabled on',
      );
    const format = { rate: HUB_FORMAT.rate, width: HUB_FORMAT.width, channels: HUB_FORMAT.channels };
    let timestamp = 0;
    await this.conn.send(makeEvent('audio-start', { ...format, timestamp }));
    for (const chunk of pcmChunks(pcm)) {
      await this.conn.send(makeEvent('audio-chunk', { ...format, timestamp }, chunk));
      timestamp += Math.round(pcmMs(chunk.length));
    }
    await this.conn.send(makeEvent('audio-stop', { timestamp }));
  }
}

/** Hearth reads an `area` from the context if a client sends one; Home Assistant's own context is opaque and ignored. */
function contextOf(data: Record<string, unknown>): UtteranceContext {
  const context = data.context;
  if (typeof context !== 'object' || context === null) return {};
  const area = (context as Record<string, unknown>).area;
  return typeof area === 'string' && area.length > 0 && area.length <= 100 ? { area } : {};
}
