/**
 * Wake word detection on a Wyoming service (`voice.wake.wyoming`: openWakeWord, microWakeWord, …) for a
 * satellite that streams until it is woken: `detect` {names} + audio-start, then every chunk as it comes,
 * until the service answers `detection` {name, timestamp}. The caller keeps the recent audio, so what
 * follows the wake word goes to the recogniser.
 */
import { HUB_FORMAT } from './audio-format.js';
import { makeEvent } from './codec.js';
import type { WyomingConnection } from './connection.js';
import type { RemoteService } from './remote-service.js';

export interface WakeDetection {
  name: string;
  /** Stream position (ms) of the chunk the wake word was heard in, as Hearth numbered the chunks. */
  timestamp: number;
}

const FORMAT = { rate: HUB_FORMAT.rate, width: HUB_FORMAT.width, channels: HUB_FORMAT.channels };

export class WakeStream {
  /** Resolves on `detection`; rejects when the service fails (it is then marked down). */
  readonly detected: Promise<WakeDetection>;
  private conn: WyomingConnection | undefined;
  private pending: { pcm: Buffer; timestamp: number }[] = [];
  private done = false;

  private constructor(
    private readonly service: RemoteService,
    names: readonly string[],
  ) {
    this.detected = this.run(names);
    this.detected.catch(() => undefined);
  }

  /** Starts listening; never throws (a service that cannot be reached rejects `detected`). */
  static open(service: RemoteService, names: readonly string[]): WakeStream {
    return new WakeStream(service, names);
  }

  /** One chunk of hub PCM at stream position `timestamp` (ms). */
  push(pcm: Buffer, timestamp: number): void {
    if (this.done) return;
    if (this.conn) this.send(this.conn, pcm, timestamp);
    else this.pending.push({ pcm, timestamp });
  }

  close(): void {
    if (this.done) return;
    this.done = true;
    const conn = this.conn;
    if (conn && !conn.isClosed)
      void conn
        .send(makeEvent('audio-stop', {}))
        .catch(() => undefined)
        .finally(() => conn.close());
  }

  private async run(names: readonly string[]): Promise<WakeDetection> {
    const { service } = this;
    try {
      const conn = await service.connect();
      this.conn = conn;
      await conn.send(makeEvent('detect', names.length > 0 ? { names: [...names] } : {}));
      await conn.send(makeEvent('audio-start', { ...FORMAT, timestamp: 0 }));
      for (const { pcm, timestamp } of this.pending.splice(0)) this.send(conn, pcm, timestamp);
      // No timeout: a wake word may come after minutes of audio. A service that goes away closes the connection.
      for (;;) {
        const next = await conn.next();
        if (!next) {
          if (this.done) throw new Error('wake detection ended');
          throw new Error(`the wake service closed the connection (${conn.closeReason ?? 'closed'})`);
        }
        if (next.type === 'detection') {
          service.succeeded();
          this.close();
          return {
            name: typeof next.data.name === 'string' ? next.data.name : 'wake word',
            timestamp: typeof next.data.timestamp === 'number' ? next.data.timestamp : 0,
          };
        }
        if (next.type === 'not-detected' && this.done) throw new Error('no wake word before the stream ended');
      }
    } catch (err) {
      if (!this.done) {
        service.failed(err);
        service.fellBack();
      }
      this.done = true;
      this.conn?.close();
      throw err;
    }
  }

  private send(conn: WyomingConnection, pcm: Buffer, timestamp: number): void {
    conn.send(makeEvent('audio-chunk', { ...FORMAT, timestamp }, pcm)).catch(() => undefined);
  }
}
