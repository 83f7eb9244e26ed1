/**
 * One Wyoming TCP connection, either side: decodes frames under the limits, queues events for one
 * reader, writes events, answers `ping`, and closes itself (never anything else) on bad framing,
 * a frame that does not finish in time, silence past the idle limit, or a reader that falls behind
 * (it stops reading first, so TCP slows the peer down).
 */
import { connect, type Socket } from 'node:net';
import type { Clock, TimerHandle } from '../core/clock.js';
import type { Logger } from '../core/logger.js';
import { encodeEvent, FrameDecoder, FrameError, makeEvent, type FrameLimits, type WyomingEvent } from './codec.js';
import { formatWyomingUri, type WyomingAddress } from './uri.js';

export interface ConnectionLimits extends FrameLimits {
  frameTimeoutMs: number;
  /** Unset: a connection may stay quiet as long as it likes (Hearth's own outgoing ones). */
  idleTimeoutMs?: number;
  maxQueuedEvents: number;
}

export interface ConnectionOptions {
  limits: ConnectionLimits;
  clock: Clock;
  log: Logger;
  /** Answer `ping` with `pong` without handing it to the reader (default true). */
  answerPings?: boolean;
}

/** Waiting for the peer took longer than allowed. */
export class WyomingTimeoutError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WyomingTimeoutError';
  }
}

export class WyomingConnection {
  readonly remote: string;
  private readonly decoder: FrameDecoder;
  private readonly queue: WyomingEvent[] = [];
  private waiter: ((event: WyomingEvent | undefined) => void) | undefined;
  private closedReason: string | undefined;
  private frameTimer: TimerHandle | undefined;
  private idleTimer: TimerHandle | undefined;
  private paused = false;
  private readonly closeListeners: ((reason: string) => void)[] = [];

  constructor(
    private readonly socket: Socket,
    private readonly options: ConnectionOptions,
  ) {
    this.remote = `${socket.remoteAddress ?? '?'}:${socket.remotePort ?? '?'}`;
    this.decoder = new FrameDecoder(options.limits);
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', (err) => this.close(`socket error: ${err.message}`));
    socket.on('close', () => this.close('the peer closed the connection'));
    this.armIdle();
  }

  get isClosed(): boolean {
    return this.closedReason !== undefined;
  }

  /** Why it closed, once it has. */
  get closeReason(): string | undefined {
    return this.closedReason;
  }

  onClose(listener: (reason: string) => void): void {
    if (this.closedReason !== undefined) listener(this.closedReason);
    else this.closeListeners.push(listener);
  }

  /** The next event; undefined once the connection is closed and drained. Rejects with WyomingTimeoutError after `timeoutMs`. */
  next(timeoutMs?: number): Promise<WyomingEvent | undefined> {
    const queued = this.queue.shift();
    if (queued) {
      this.resumeIfDrained();
      return Promise.resolve(queued);
    }
    if (this.closedReason !== undefined) return Promise.resolve(undefined);
    if (this.waiter) return Promise.reject(new Error('WyomingConnection has one reader at a time'));
    return new Promise((resolve, reject) => {
      let timer: TimerHandle | undefined;
      this.waiter = (event) => {
        if (timer) this.options.clock.clearTimeout(timer);
        resolve(event);
      };
      if (timeoutMs !== undefined) {
        timer = this.options.clock.setTimeout(() => {
          this.waiter = undefined;
          reject(new WyomingTimeoutError(`no answer from ${this.remote} within ${timeoutMs} ms`));
        }, timeoutMs);
      }
    });
  }

  /** Events until one of `types` arrives (others are skipped); rejects on timeout or if the connection closes first. */
  async waitFor(
    types: readonly string[],
    timeoutMs: number,
    onOther?: (event: WyomingEvent) => void,
  ): Promise<WyomingEvent> {
    for (;;) {
      const next = await this.next(timeoutMs);
      if (!next)
        throw new Error(
          `${this.remote} closed the connection (${this.closedReason ?? 'closed'}) before ${types.join('/')}`,
        );
      if (types.includes(next.type)) return next;
      onOther?.(next);
    }
  }

  async send(event: WyomingEvent): Promise<void> {
    if (this.closedReason !== undefined)
      throw new Error(`cannot send ${event.type}: connection to ${this.remote} is closed (${this.closedReason})`);
    const ok = this.socket.write(encodeEvent(event));
    if (!ok)
      await new Promise<void>((resolve) => {
        const done = () => {
          this.socket.off('drain', done);
          this.socket.off('close', done);
          resolve();
        };
        this.socket.on('drain', done);
        this.socket.on('close', done);
      });
  }

  /** Sends an `error` event (best effort), then closes. */
  fail(code: string, text: string): void {
    if (this.closedReason !== undefined) return;
    this.socket.write(encodeEvent(makeEvent('error', { text, code })));
    this.close(`${code}: ${text}`);
  }

  close(reason = 'closed by Hearth'): void {
    if (this.closedReason !== undefined) return;
    this.closedReason = reason;
    for (const timer of [this.frameTimer, this.idleTimer]) if (timer) this.options.clock.clearTimeout(timer);
    this.socket.end();
    this.socket.destroySoon();
    // A peer that never reads must not keep the socket open.
    const force = this.options.clock.setTimeout(() => this.socket.destroy(), 1000);
    this.socket.once('close', () => this.options.clock.clearTimeout(force));
    const waiter = this.waiter;
    this.waiter = undefined;
    waiter?.(undefined);
    for (const listener of this.closeListeners.splice(0)) listener(reason);
  }

  private onData(chunk: Buffer): void {
    if (this.closedReason !== undefined) return;
    this.armIdle();
    let events: WyomingEvent[];
    try {
      events = this.decoder.push(chunk);
    } catch (err) {
      const message = err instanceof FrameError ? err.message : String(err);
      this.options.log.warn(
        { peer: this.remote, reason: message },
        'wyoming: malformed frame; closing this connection',
      );
      this.fail('malformed-frame', message);
      return;
    }
    this.armFrameTimer(events.length > 0);
    for (const event of events) this.deliver(event);
  }

  private deliver(event: WyomingEvent): void {
    if (event.type === 'ping' && this.options.answerPings !== false) {
      void this.send(makeEvent('pong', typeof event.data.text === 'string' ? { text: event.data.text } : {})).catch(
        () => undefined,
      );
      return;
    }
    if (this.waiter) {
      const waiter = this.waiter;
      this.waiter = undefined;
      waiter(event);
      return;
    }
    this.queue.push(event);
    if (this.queue.length >= this.options.limits.maxQueuedEvents && !this.paused) {
      this.paused = true;
      this.socket.pause();
    }
  }

  private resumeIfDrained(): void {
    if (this.paused && this.queue.length <= this.options.limits.maxQueuedEvents / 2) {
      this.paused = false;
      this.socket.resume();
    }
  }

  /** Slowloris guard: a frame that has begun must be whole within frameTimeoutMs, however the bytes trickle. */
  private armFrameTimer(completedOne: boolean): void {
    if (this.frameTimer && (completedOne || !this.decoder.inFrame)) {
      this.options.clock.clearTimeout(this.frameTimer);
      this.frameTimer = undefined;
    }
    if (!this.decoder.inFrame || this.frameTimer) return;
    this.frameTimer = this.options.clock.setTimeout(() => {
      this.frameTimer = undefined;
      this.options.log.warn({ peer: this.remote }, 'wyoming: frame not completed in time; closing this connection');
      this.fail('frame-timeout', `a frame was not completed within ${this.options.limits.frameTimeoutMs} ms`);
    }, this.options.limits.frameTimeoutMs);
  }

  private armIdle(): void {
    const idle = this.options.limits.idleTimeoutMs;
    if (idle === undefined) return;
    if (this.idleTimer) this.options.clock.clearTimeout(this.idleTimer);
    this.idleTimer = this.options.clock.setTimeout(() => this.fail('idle', `nothing received for ${idle} ms`), idle);
  }
}

/** Opens a connection to a Wyoming peer; rejects within `timeoutMs` when it cannot be reached. */
export function connectWyoming(
  address: WyomingAddress,
  timeoutMs: number,
  options: ConnectionOptions,
): Promise<WyomingConnection> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: address.host, port: address.port });
    const timer = options.clock.setTimeout(() => {
      socket.destroy();
      reject(
        new WyomingTimeoutError(`${formatWyomingUri(address)} did not accept the connection within ${timeoutMs} ms`),
      );
    }, timeoutMs);
    socket.once('error', (err: NodeJS.ErrnoException) => {
      options.clock.clearTimeout(timer);
      reject(new Error(`cannot connect to ${formatWyomingUri(address)}: ${err.code ?? err.message}`));
    });
    socket.once('connect', () => {
      options.clock.clearTimeout(timer);
      socket.removeAllListeners('error');
      resolve(new WyomingConnection(socket, options));
    });
  });
}
