/**
 * A Wyoming satellite Hearth drives (config `wyoming.satellites`), the way Home Assistant drives
 * wyoming-satellite: Hearth connects to it, asks `describe` (it must describe a satellite), sends
 * `run-satellite`, pings it, and serves each `run-pipeline` it sends (satellite-run.ts) in the area it is
 * configured for. A lost connection or unanswered pings mean reconnecting, with backoff.
 */
import type { ComponentStatus } from '../api/types.js';
import type { Clock, TimerHandle } from '../core/clock.js';
import type { Logger } from '../core/logger.js';
import { parseWav } from '../voice/audio/wav.js';
import { HUB_FORMAT, PcmConverter, readAudioFormat, sendAudio } from './audio-format.js';
import { makeEvent, type WyomingEvent } from './codec.js';
import { connectWyoming, type ConnectionLimits, type WyomingConnection } from './connection.js';
import type { ClientTimings, RemoteService } from './remote-service.js';
import { SatelliteRun, type PipelineStage, type SatelliteVoicePort } from './satellite-run.js';
import { formatWyomingUri, parseWyomingUri, type WyomingAddress } from './uri.js';

export interface SatelliteTimings extends ClientTimings {
  pingMs: number;
  playedGraceMs: number;
}

export interface WyomingSatelliteOptions {
  id: string;
  uri: string;
  /** The configured area (id or name); unset: the area the satellite describes, if Hearth knows it. */
  area: string | undefined;
  /** Area id or name → the known area's id, or undefined. */
  resolveArea(area: string): string | undefined;
  voice: SatelliteVoicePort;
  wake: { service: RemoteService; names: readonly string[] } | undefined;
  timings: SatelliteTimings;
  limits: ConnectionLimits;
  clock: Clock;
  log: Logger;
}

const STAGES: readonly PipelineStage[] = ['wake', 'asr', 'intent', 'handle', 'tts'];

export class WyomingSatellite {
  private readonly address: WyomingAddress;
  private readonly uri: string;
  private readonly log: Logger;
  private conn: WyomingConnection | undefined;
  private run: SatelliteRun | undefined;
  private converter: PcmConverter | undefined;
  private stopped = false;
  private loop: Promise<void> | undefined;
  private wakeUp: (() => void) | undefined;
  private state: { connected: boolean; name?: string; area?: string; error?: string; retryAt?: number } = {
    connected: false,
  };
  private commands = 0;
  private lastPong = 0;
  private playing: Promise<void> = Promise.resolve();
  private playGeneration = 0;

  constructor(private readonly options: WyomingSatelliteOptions) {
    const address = parseWyomingUri(options.uri);
    if (!address) throw new Error(`not a Wyoming URI: ${options.uri}`);
    this.address = address;
    this.uri = formatWyomingUri(address);
    this.log = options.log.child({ satellite: options.id });
  }

  start(): void {
    this.loop ??= this.connectLoop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wakeUp?.();
    this.run?.cancel();
    this.conn?.close('the hub is stopping');
    await this.loop;
  }

  /** While connected: the satellite as a speaker in its area (rings and announcements, hub/voice/room-speakers.ts). */
  speaker(): { id: string; area?: string } | undefined {
    if (!this.state.connected || !this.conn || this.conn.isClosed) return undefined;
    return this.state.area !== undefined ? { id: this.options.id, area: this.state.area } : { id: this.options.id };
  }

  /**
   * Plays a 16 kHz mono WAV outside a pipeline run, as Home Assistant announces on a satellite: audio-start, chunks,
   * audio-stop (wyoming-satellite plays audio it gets at any time). One message at a time; `stop` drops the ones queued.
   */
  play(wav: Buffer): Promise<void> {
    const generation = this.playGeneration;
    const next = this.playing.then(async () => {
      const conn = this.conn;
      if (!conn || conn.isClosed || generation !== this.playGeneration) return;
      await sendAudio(conn, parseWav(wav).data, () => generation !== this.playGeneration);
    });
    this.playing = next.catch((err) =>
      this.log.warn({ err: (err as Error).message }, 'could not play on the satellite'),
    );
    return this.playing;
  }

  /** Drops what is queued and ends the message being sent (Wyoming has no event to cut what the satellite already has). */
  stopPlaying(): void {
    this.playGeneration++;
  }

  status(): ComponentStatus {
    const where = `${this.uri}${this.state.name ? ` ("${this.state.name}")` : ''}`;
    if (this.state.connected) {
      const area = this.state.area ? `area ${this.state.area}` : 'no area (commands must name the room)';
      return { status: 'ok', detail: `${where} connected, ${area}, ${this.commands} commands` };
    }
    const retry = this.state.retryAt
      ? `; retrying in ${Math.max(0, Math.round((this.state.retryAt - this.options.clock.now()) / 1000))} s`
      : '';
    return { status: 'degraded', detail: `${where} not connected: ${this.state.error ?? 'connecting'}${retry}` };
  }

  private async connectLoop(): Promise<void> {
    const { timings } = this.options;
    let waitMs = timings.retryMinMs;
    while (!this.stopped) {
      try {
        await this.session();
        waitMs = timings.retryMinMs;
      } catch (err) {
        this.state = { connected: false, error: (err as Error).message };
      }
      if (this.stopped) break;
      this.state.retryAt = this.options.clock.now() + waitMs;
      await this.sleep(waitMs);
      waitMs = Math.min(waitMs * 2, timings.retryMaxMs);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = this.options.clock.setTimeout(() => resolve(), ms);
      this.wakeUp = () => {
        this.options.clock.clearTimeout(timer);
        resolve();
      };
    });
  }

  /** One connection, from describe to its loss. Throws when it cannot be set up. */
  private async session(): Promise<void> {
    const { timings, clock, limits } = this.options;
    const conn = await connectWyoming(this.address, timings.connectTimeoutMs, { limits, clock, log: this.log });
    this.conn = conn;
    let pinger: TimerHandle | undefined;
    try {
      await conn.send(makeEvent('describe'));
      const info = await conn.waitFor(['info'], timings.replyTimeoutMs);
      const satellite = info.data.satellite;
      if (typeof satellite !== 'object' || satellite === null)
        throw new Error('it answers describe without a "satellite": it is not a Wyoming satellite');
      const described = satellite as Record<string, unknown>;
      const area = this.area(typeof described.area === 'string' ? described.area : undefined);
      this.state = {
        connected: true,
        ...(typeof described.name === 'string' ? { name: described.name } : {}),
        ...(area ? { area } : {}),
      };
      this.log.info({ uri: this.uri, area }, 'Wyoming satellite connected');
      await conn.send(makeEvent('run-satellite'));
      this.lastPong = clock.now();
      const ping = () => {
        if (clock.now() - this.lastPong > timings.pingMs + timings.replyTimeoutMs) {
          conn.close('the satellite stopped answering pings');
          return;
        }
        void conn.send(makeEvent('ping', {})).catch(() => undefined);
        pinger = clock.setTimeout(ping, timings.pingMs);
      };
      pinger = clock.setTimeout(ping, timings.pingMs);
      for (;;) {
        const next = await conn.next();
        if (!next) break;
        this.lastPong = clock.now(); // anything it says shows it is alive
        this.dispatch(next, area);
      }
      this.state = { connected: false, error: `connection lost (${conn.closeReason ?? 'closed'})` };
      this.log.warn({ reason: conn.closeReason }, 'Wyoming satellite connection lost');
    } finally {
      if (pinger) clock.clearTimeout(pinger);
      this.run?.cancel();
      this.run = undefined;
      conn.close();
      this.conn = undefined;
    }
  }

  /** The configured area, else the one the satellite names if Hearth has it; re-read on each connection. */
  private area(described: string | undefined): string | undefined {
    const wanted = this.options.area ?? described;
    if (!wanted) return undefined;
    const known = this.options.resolveArea(wanted);
    if (!known)
      this.log.warn(
        { area: wanted },
        'satellite area is not an area Hearth knows; commands from it must name the room',
      );
    return known;
  }

  private dispatch(event: WyomingEvent, area: string | undefined): void {
    const { data } = event;
    switch (event.type) {
      case 'run-pipeline':
        this.startRun(data, area);
        break;
      case 'audio-start': {
        const format = readAudioFormat(data);
        this.converter = new PcmConverter(typeof format === 'string' ? HUB_FORMAT : format);
        if (typeof format === 'string')
          this.log.warn({ problem: format }, 'satellite audio format unreadable; taking it as 16 kHz mono');
        break;
      }
      case 'audio-chunk':
        if (event.payload && this.run)
          this.run.feed((this.converter ??= this.converterFor(data)).convert(event.payload));
        break;
      case 'audio-stop':
        this.run?.endAudio();
        break;
      case 'played':
        this.run?.played();
        break;
      case 'error':
        this.log.warn({ text: data.text, code: data.code }, 'the satellite reported an error');
        break;
      default:
        // pong, detection (its own wake word, followed by run-pipeline), streaming-started/-stopped, …
        break;
    }
  }

  private converterFor(data: Record<string, unknown>): PcmConverter {
    const format = readAudioFormat(data);
    return new PcmConverter(typeof format === 'string' ? HUB_FORMAT : format);
  }

  private startRun(data: Record<string, unknown>, area: string | undefined): void {
    const start = data.start_stage;
    const end = STAGES.includes(data.end_stage as PipelineStage) ? (data.end_stage as PipelineStage) : 'tts';
    if (start !== 'wake' && start !== 'asr') {
      void this.conn
        ?.send(
          makeEvent('error', {
            text: `Hearth runs satellite pipelines from the wake or asr stage, not ${String(start)}`,
            code: 'unsupported-stage',
          }),
        )
        .catch(() => undefined);
      return;
    }
    this.run?.cancel();
    this.converter = undefined;
    const restart = data.restart_on_end === true;
    const conn = this.conn!;
    const run = new SatelliteRun({
      conn,
      voice: this.options.voice,
      source: `wyoming-satellite:${this.options.id}`,
      satellite: this.options.id,
      area,
      startStage: start,
      endStage: end,
      wake: this.options.wake,
      playedGraceMs: this.options.timings.playedGraceMs,
      log: this.log,
      onCommand: () => void this.commands++,
    });
    this.run = run;
    void run.done.then(() => {
      if (this.run !== run) return;
      this.run = undefined;
      if (restart && !conn.isClosed && !this.stopped) this.startRun(data, area);
    });
  }
}
