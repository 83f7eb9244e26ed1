/**
 * A simulated voice satellite: a microphone and speaker in another room. It connects with its own
 * credential, streams a recording in real time (20 ms chunks of 16 kHz PCM, paced by the clock,
 * as a microphone would deliver them) between audio_start and audio_end, and plays (records) the
 * spoken reply the hub sends back.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { MqttClient } from 'mqtt';
import { topics } from '../../../hub/sdk/protocol.js';
import { openConnection, type ConnectionOptions } from '../../core/connection.js';
import { audioEnd, audioStart, SATELLITE_BYTES_PER_MS, satelliteTopics } from './protocol.js';
import { pcmFromWav } from './wav.js';

export interface SatelliteOptions extends ConnectionOptions {
  id: string;
  /** Sent with audio_start; unset lets the hub use the satellite's area from its registry. */
  area?: string;
  chunkMs?: number;
  /** Replies are written here as `<n>.wav` (the "speaker"), when set. */
  replyDir?: string;
}

export interface StreamReport {
  /** performance.now() when the last audio chunk was published. */
  lastChunkAt: number;
  /** When audio_end was published. */
  endAt: number;
  audioMs: number;
}

export interface SpokenReply {
  wav: Buffer;
  receivedAt: number;
  path?: string;
}

const sleepUntil = (at: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, at - performance.now())));

export class SimulatedSatellite {
  private client: MqttClient | undefined;
  private readonly replies: SpokenReply[] = [];
  private readonly waiting: ((reply: SpokenReply) => void)[] = [];
  private played = 0;

  constructor(private readonly options: SatelliteOptions) {}

  get id(): string {
    return this.options.id;
  }

  async start(): Promise<void> {
    const client = await openConnection({ clientId: this.options.id, ...this.options }, { topic: topics.availability(this.options.id), payload: 'offline' });
    client.on('message', (topic, payload) => {
      if (topic === satelliteTopics.tts(this.options.id)) void this.play(Buffer.from(payload));
    });
    await client.publishAsync(topics.availability(this.options.id), 'online', { qos: 1, retain: true });
    await client.subscribeAsync(satelliteTopics.tts(this.options.id), { qos: 1 });
    this.client = client;
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (!client) return;
    await client.publishAsync(topics.availability(this.options.id), 'offline', { qos: 1, retain: true }).catch(() => undefined);
    await client.endAsync();
  }

  /** Streams a WAV (16 kHz mono 16-bit) as if it were being spoken now. */
  async streamWav(wav: Buffer): Promise<StreamReport> {
    return this.streamPcm(pcmFromWav(wav));
  }

  async streamPcm(pcm: Buffer): Promise<StreamReport> {
    const client = this.connected();
    const chunkBytes = Math.round((this.options.chunkMs ?? 20) * SATELLITE_BYTES_PER_MS) & ~1;
    const chunkMs = chunkBytes / SATELLITE_BYTES_PER_MS;
    const audio = satelliteTopics.audio(this.options.id);
    // QoS 0 throughout: control and audio must share one QoS to keep their order (MQTT 3.1.1 §4.6).
    await client.publishAsync(audio, audioStart(this.options.area), { qos: 0 });
    const started = performance.now();
    let lastChunkAt = started;
    for (let offset = 0, n = 0; offset < pcm.length; offset += chunkBytes, n++) {
      // A chunk leaves once it has been "recorded": paced from the start, so timer jitter does not add up.
      await sleepUntil(started + (n + 1) * chunkMs);
      await client.publishAsync(audio, pcm.subarray(offset, offset + chunkBytes), { qos: 0 });
      lastChunkAt = performance.now();
    }
    await client.publishAsync(audio, audioEnd(), { qos: 0 });
    return { lastChunkAt, endAt: performance.now(), audioMs: pcm.length / SATELLITE_BYTES_PER_MS };
  }

  /** Replies played so far. */
  heard(): readonly SpokenReply[] {
    return this.replies;
  }

  /** Resolves with the next reply the hub speaks (one already played and not yet taken counts). */
  nextReply(timeoutMs = 10_000): Promise<SpokenReply> {
    const ready = this.replies[this.played];
    if (ready) {
      this.played++;
      return Promise.resolve(ready);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        const i = this.waiting.indexOf(take);
        if (i >= 0) this.waiting.splice(i, 1);
        reject(new Error(`satellite ${this.options.id} heard no reply within ${timeoutMs} ms`));
      }, timeoutMs);
      const take = (reply: SpokenReply) => {
        clearTimeout(timer);
        this.played++;
        resolve(reply);
      };
      this.waiting.push(take);
    });
  }

  private async play(wav: Buffer): Promise<void> {
    const reply: SpokenReply = { wav, receivedAt: performance.now() };
    if (this.options.replyDir) {
      reply.path = join(this.options.replyDir, `${this.options.id}-${this.replies.length + 1}.wav`);
      await writeFile(reply.path, wav);
    }
    this.replies.push(reply);
    this.waiting.shift()?.(reply);
  }

  private connected(): MqttClient {
    if (!this.client) throw new Error(`satellite ${this.options.id} is not started`);
    return this.client;
  }
}
