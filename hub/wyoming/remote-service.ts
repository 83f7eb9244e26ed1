/**
 * An external Wyoming service Hearth uses (speech-to-text, text-to-speech, wake word), and what Hearth
 * knows of its health. A failed request marks it down: requests then go straight to the local engine,
 * and the service is probed (`describe` → `info`) after retryMinMs, doubling up to retryMaxMs, until it
 * answers again. /status and `hearth status` show which one is serving and why.
 */
import type { ComponentStatus } from '../api/types.js';
import type { Clock, TimerHandle } from '../core/clock.js';
import type { Logger } from '../core/logger.js';
import { makeEvent } from './codec.js';
import { connectWyoming, type ConnectionLimits, type WyomingConnection } from './connection.js';
import { formatWyomingUri, parseWyomingUri, type WyomingAddress } from './uri.js';

export type ServiceKind = 'stt' | 'tts' | 'wake';

export interface ClientTimings {
  connectTimeoutMs: number;
  replyTimeoutMs: number;
  /** STT: the local recogniser starts on the kept audio when no transcript came this long after audio-stop. */
  localHedgeMs?: number;
  retryMinMs: number;
  retryMaxMs: number;
}

export interface RemoteServiceOptions {
  kind: ServiceKind;
  uri: string;
  /** What serves while the service is down, for the status line ("pocketsphinx", "espeak-ng"). */
  fallback: string;
  timings: ClientTimings;
  limits: ConnectionLimits;
  clock: Clock;
  log: Logger;
}

const INFO_KEY: Record<ServiceKind, { list: string; models: string }> = {
  stt: { list: 'asr', models: 'models' },
  tts: { list: 'tts', models: 'voices' },
  wake: { list: 'wake', models: 'models' },
};

export class RemoteService {
  readonly address: WyomingAddress;
  readonly uri: string;
  private state: 'unknown' | 'up' | 'down' = 'unknown';
  private lastError = '';
  private lastErrorAt = 0;
  private downSince = 0;
  private retryMs: number;
  private retryTimer: TimerHandle | undefined;
  private nextRetryAt = 0;
  private described = '';
  private stopped = false;
  private requests = 0;
  private fallbacks = 0;
  private readonly log: Logger;

  constructor(private readonly options: RemoteServiceOptions) {
    const address = parseWyomingUri(options.uri);
    if (!address) throw new Error(`not a Wyoming URI: ${options.uri}`);
    this.address = address;
    this.uri = formatWyomingUri(address);
    this.retryMs = options.timings.retryMinMs;
    this.log = options.log.child({ wyoming: options.kind, uri: this.uri });
  }

  get timings(): ClientTimings {
    return this.options.timings;
  }

  /** Checks the service now, without holding up the caller. */
  start(): void {
    void this.probe();
  }

  stop(): void {
    this.stopped = true;
    if (this.retryTimer) this.options.clock.clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
  }

  /** False while the service is known to be down: go to the local engine without trying. */
  usable(): boolean {
    return this.state !== 'down';
  }

  connect(): Promise<WyomingConnection> {
    const { clock, limits } = this.options;
    return connectWyoming(this.address, this.options.timings.connectTimeoutMs, { clock, limits, log: this.log });
  }

  /** A request it served. */
  succeeded(): void {
    this.requests++;
    if (this.state !== 'up') this.log.info('Wyoming service is answering');
    this.state = 'up';
    this.retryMs = this.options.timings.retryMinMs;
  }

  /** A request it failed (or a probe): the local engine takes over until a probe succeeds. */
  failed(err: unknown): void {
    const message = err instanceof Error ? err.message : String(err);
    this.lastError = message;
    this.lastErrorAt = this.options.clock.now();
    if (this.state !== 'down') {
      this.downSince = this.options.clock.now();
      this.log.warn({ err: message }, `Wyoming service unavailable; using ${this.options.fallback} until it is back`);
    }
    this.state = 'down';
    this.scheduleProbe();
  }

  /** The local engine served a request this service should have. */
  fellBack(): void {
    this.fallbacks++;
  }

  status(): ComponentStatus {
    const served = `${this.requests} requests served, ${this.fallbacks} by ${this.options.fallback}`;
    if (this.state === 'down') {
      const since = new Date(this.downSince).toISOString();
      const retry = Math.max(0, Math.round((this.nextRetryAt - this.options.clock.now()) / 1000));
      return {
        status: 'degraded',
        detail: `${this.uri} is unreachable since ${since} (${this.lastError}); ${this.options.fallback} serves instead; retrying in ${retry} s; ${served}`,
      };
    }
    const what = this.described ? ` (${this.described})` : '';
    const problem = this.lastError
      ? `; last problem at ${new Date(this.lastErrorAt).toISOString()}: ${this.lastError}`
      : '';
    return {
      status: 'ok',
      detail: `${this.uri}${what} ${this.state === 'up' ? 'answering' : 'not checked yet'}; falls back to ${this.options.fallback}; ${served}${problem}`,
    };
  }

  private scheduleProbe(): void {
    if (this.stopped || this.retryTimer) return;
    const wait = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, this.options.timings.retryMaxMs);
    this.nextRetryAt = this.options.clock.now() + wait;
    this.retryTimer = this.options.clock.setTimeout(() => {
      this.retryTimer = undefined;
      void this.probe();
    }, wait);
  }

  /** describe → info: reachable, speaking Wyoming, and offering this kind of service. */
  private async probe(): Promise<void> {
    if (this.stopped) return;
    let conn: WyomingConnection | undefined;
    try {
      conn = await this.connect();
      await conn.send(makeEvent('describe'));
      const info = await conn.waitFor(['info'], this.options.timings.replyTimeoutMs);
      this.described = describeService(info.data, this.options.kind);
      if (!this.described)
        throw new Error(`it speaks Wyoming but offers no ${INFO_KEY[this.options.kind].list} service; check the port`);
      if (this.state !== 'up') this.log.info({ service: this.described }, 'Wyoming service is answering');
      // The backoff is reset only by a request served: one that answers describe but fails requests is tried less and less often.
      this.state = 'up';
    } catch (err) {
      if (!this.stopped) this.failed(err);
    } finally {
      conn?.close();
    }
  }
}

/** "faster-whisper: tiny-int8" from an info event; '' when it lists nothing of that kind. */
function describeService(info: Record<string, unknown>, kind: ServiceKind): string {
  const { list, models } = INFO_KEY[kind];
  const programs = Array.isArray(info[list]) ? (info[list] as Record<string, unknown>[]) : [];
  return programs
    .map((p) => {
      const names = Array.isArray(p[models])
        ? (p[models] as Record<string, unknown>[]).map((m) => String(m.name)).slice(0, 3)
        : [];
      return `${String(p.name)}${names.length ? `: ${names.join(', ')}` : ''}`;
    })
    .join('; ');
}
