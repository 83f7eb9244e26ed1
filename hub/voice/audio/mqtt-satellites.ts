import type { Clock, TimerHandle } from '../../core/clock.js';
import type { Logger } from '../../core/logger.js';
import type { MqttTransport } from '../../mqtt/transport.js';
import { DEVICE_ID_PATTERN } from '../../sdk/protocol.js';
import { ChunkQueue } from './chunk-queue.js';
import type { AudioSource } from './pcm.js';
import { parseSatelliteControl, satelliteTopics, type SatelliteCommand } from './satellite-protocol.js';

/** One utterance streamed by one satellite. */
export interface SatelliteStream extends AudioSource {
  readonly satelliteId: string;
}

export interface MqttSatellitesOptions {
  transport: MqttTransport;
  clock: Clock;
  log: Logger;
  /** Called once per utterance as soon as its first audio arrives, so decoding can start while the person speaks. */
  onStream: (stream: SatelliteStream) => void;
  /** The satellite's area from the registry, used when audio_start does not name one. */
  areaOf?: (satelliteId: string) => string | undefined;
  /** A stream with no message for this long ends as if audio_end had been sent (voice.satelliteIdleMs). */
  idleTimeoutMs: number;
  /** Rejected input is reported here (counted by tests and the event log). */
  onRejected?: (reason: string, topic: string) => void;
}

interface OpenStream {
  queue: ChunkQueue<Buffer>;
  idle: TimerHandle | undefined;
}

/** Receives satellite audio over MQTT (protocol in satellite-protocol.ts) and sends spoken replies back. */
export class MqttSatellites {
  private readonly open = new Map<string, OpenStream>();
  private unsubscribe: (() => Promise<void>) | undefined;

  constructor(private readonly options: MqttSatellitesOptions) {}

  async start(): Promise<void> {
    this.unsubscribe = await this.options.transport.subscribe(satelliteTopics.audioFilter, (message) =>
      this.onMessage(message.topic, message.payload),
    );
  }

  async stop(): Promise<void> {
    await this.unsubscribe?.();
    this.unsubscribe = undefined;
    for (const id of [...this.open.keys()]) this.close(id);
  }

  /** Sends the reply audio (a WAV) to the satellite that heard the command. */
  async speak(satelliteId: string, wav: Buffer): Promise<void> {
    await this.options.transport.publish(satelliteTopics.tts(satelliteId), wav, { qos: 1 });
  }

  /** Tells the satellite something sounds, to stop playing, or to stand down (satellite-protocol.ts). */
  async command(satelliteId: string, command: SatelliteCommand): Promise<void> {
    await this.options.transport.publish(satelliteTopics.control(satelliteId), JSON.stringify(command), { qos: 1 });
  }

  private onMessage(topic: string, payload: Buffer): void {
    const satelliteId = topic.split('/')[1] ?? '';
    if (!DEVICE_ID_PATTERN.test(satelliteId)) return;
    const control = parseSatelliteControl(payload);
    if (control === 'invalid') {
      this.options.onRejected?.('satellite control message does not match {type:"audio_start"|"audio_end"}', topic);
      return;
    }
    if (control === 'pcm') {
      if (payload.length % 2 !== 0) {
        this.options.onRejected?.('satellite PCM chunk has an odd byte count (16-bit samples expected)', topic);
        return;
      }
      this.ensureOpen(satelliteId).queue.push(Buffer.from(payload));
      this.armIdle(satelliteId);
    } else if (control.type === 'audio_start') {
      this.close(satelliteId);
      this.ensureOpen(satelliteId, control.area);
      this.armIdle(satelliteId);
    } else {
      this.close(satelliteId);
    }
  }

  private ensureOpen(satelliteId: string, area?: string): OpenStream {
    const existing = this.open.get(satelliteId);
    if (existing) return existing;
    const queue = new ChunkQueue<Buffer>();
    const stream: OpenStream = { queue, idle: undefined };
    this.open.set(satelliteId, stream);
    const resolvedArea = area ?? this.options.areaOf?.(satelliteId);
    this.options.onStream({
      name: `satellite:${satelliteId}`,
      satelliteId,
      ...(resolvedArea !== undefined ? { area: resolvedArea } : {}),
      chunks: () => queue,
    });
    return stream;
  }

  private armIdle(satelliteId: string): void {
    const stream = this.open.get(satelliteId);
    if (!stream) return;
    if (stream.idle) this.options.clock.clearTimeout(stream.idle);
    stream.idle = this.options.clock.setTimeout(() => {
      this.options.log.warn({ satelliteId }, 'satellite stream went quiet without audio_end; ending it');
      this.close(satelliteId);
    }, this.options.idleTimeoutMs);
  }

  private close(satelliteId: string): void {
    const stream = this.open.get(satelliteId);
    if (!stream) return;
    if (stream.idle) this.options.clock.clearTimeout(stream.idle);
    this.open.delete(satelliteId);
    stream.queue.end();
  }
}
