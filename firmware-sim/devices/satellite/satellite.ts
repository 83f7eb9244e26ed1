/**
 * A simulated voice satellite: a microphone and speaker in another room. It connects with its own
 * credential, says it is a satellite (retained hello), streams a recording in real time (20 ms chunks of
 * 16 kHz PCM, paced by the clock, as a microphone would deliver them) between audio_start and audio_end,
 * and plays (records) the audio the hub sends: replies, rings, announcements. It obeys the hub's control
 * messages: `stop` cuts what it plays, `stand_down` ends the stream it is sending (another satellite took
 * the command), and while `sounding` it would hear "stop" without its wake word (`sayWithoutWakeWord`).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { MqttClient } from 'mqtt';
import { topics } from '../../../hub/sdk/protocol.js';
import { openConnection, type ConnectionOptions } from '../../core/connection.js';
import {
  audioEnd,
  audioStart,
  hello,
  parseHubCommand,
  SATELLITE_BYTES_PER_MS,
  satelliteTopics,
  type HubCommand,
} from './protocol.js';
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
  /** Cut short by the hub's `stop` before it had played to the end. */
  stopped?: boolean;
}

export interface StreamOptions {
  /** Louder or quieter than recorded, in dB: a satellite further from the speaker hears it quieter. */
  gainDb?: number;
}

const sleepUntil = (at: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, at - performance.now())));

export class SimulatedSatellite {
  private client: MqttClient | undefined;
  private readonly replies: SpokenReply[] = [];
  private readonly waiting: ((reply: SpokenReply) => void)[] = [];
  private readonly commands: HubCommand[] = [];
  private played = 0;
  private sounding = false;
  /** The reply playing now and when it would end (performance.now()). */
  private playing: { reply: SpokenReply; until: number } | undefined;
  private standDown = false;

  constructor(private readonly options: SatelliteOptions) {}

  get id(): string {
    return this.options.id;
  }

  async start(): Promise<void> {
    const client = await openConnection(
      { clientId: this.options.id, ...this.options },
      { topic: topics.availability(this.options.id), payload: 'offline' },
    );
    client.on('message', (topic, payload) => {
      if (topic === satelliteTopics.tts(this.options.id)) void this.play(Buffer.from(payload));
      else if (topic === satelliteTopics.control(this.options.id)) this.obey(Buffer.from(payload));
    });
    await client.publishAsync(topics.availability(this.options.id), 'online', { qos: 1, retain: true });
    await client.subscribeAsync([satelliteTopics.tts(this.options.id), satelliteTopics.control(this.options.id)], {
      qos: 1,
    });
    await client.publishAsync(satelliteTopics.hello(this.options.id), hello(this.options.area), {
      qos: 1,
      retain: true,
    });
    this.client = client;
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (!client) return;
    // With the broker gone (the hub was killed) a QoS 1 publish would wait for a reconnection that never comes.
    if (!client.connected) {
      await client.endAsync(true);
      return;
    }
    await client
      .publishAsync(satelliteTopics.hello(this.options.id), '', { qos: 1, retain: true })
      .catch(() => undefined);
    await client
      .publishAsync(topics.availability(this.options.id), 'offline', { qos: 1, retain: true })
      .catch(() => undefined);
    await client.endAsync();
  }

  /** Streams a WAV (16 kHz mono 16-bit) as if it were being spoken now. */
  async streamWav(wav: Buffer, options: StreamOptions = {}): Promise<StreamReport> {
    return this.streamPcm(pcmFromWav(wav), options);
  }

  /**
   * What firmware does when it hears "stop" with no wake word: it streams only while something sounds (the hub said
   * `sounding`, or a reply is still playing). Resolves false, sending nothing, when nothing sounds.
   */
  async sayWithoutWakeWord(wav: Buffer): Promise<boolean> {
    if (!this.isSounding()) return false;
    await this.streamWav(wav);
    return true;
  }

  /** The hub said something rings here, or a reply is still playing. */
  isSounding(): boolean {
    return this.sounding || (this.playing !== undefined && this.playing.until > performance.now());
  }

  /** Control messages received from the hub, oldest first. */
  received(): readonly HubCommand[] {
    return this.commands;
  }

  async streamPcm(input: Buffer, options: StreamOptions = {}): Promise<StreamReport> {
    const client = this.connected();
    const pcm = options.gainDb ? withGain(input, options.gainDb) : input;
    this.standDown = false;
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
      // Another satellite took the command: stop sending, as firmware turns its microphone stream off.
      if (this.standDown) break;
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

  private obey(payload: Buffer): void {
    const command = parseHubCommand(payload);
    if (!command) return;
    this.commands.push(command);
    if (command.type === 'sounding') this.sounding = command.active;
    else if (command.type === 'stand_down') this.standDown = true;
    else {
      this.sounding = false;
      if (this.playing && this.playing.until > performance.now()) this.playing.reply.stopped = true;
      this.playing = undefined;
    }
  }

  private async play(wav: Buffer): Promise<void> {
    const reply: SpokenReply = { wav, receivedAt: performance.now() };
    this.playing = { reply, until: reply.receivedAt + Math.max(0, wav.length - 44) / SATELLITE_BYTES_PER_MS };
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

/** The same audio louder or quieter (clipped to 16 bits). */
function withGain(pcm: Buffer, gainDb: number): Buffer {
  const factor = 10 ** (gainDb / 20);
  const out = Buffer.alloc(pcm.length - (pcm.length % 2));
  for (let i = 0; i < out.length; i += 2)
    out.writeInt16LE(Math.max(-32768, Math.min(32767, Math.round(pcm.readInt16LE(i) * factor))), i);
  return out;
}
