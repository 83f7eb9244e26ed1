/**
 * One WebSocket client of `/api/v1/events`: its events leave in batches, its backlog is watched, and while it
 * is behind, device state changes are held and merged per device instead of queued one by one.
 */
import type { Socket } from 'node:net';
import type { WebSocket } from 'ws';
import type { HubEvents } from '../../core/events.js';
import type { Logger } from '../../core/logger.js';

/**
 * A slow client must not make the hub buffer without bound. The backlog is judged when a batch starts,
 * before this batch's events are queued behind the cork: a burst larger than the limit is normal for a client
 * that keeps up, it leaves when the batch is written. A client whose backlog stays over the limit for
 * SLOW_CLIENT_GRACE_MS, or grows past HARD_LIMIT_BYTES (memory bound), has fallen behind and is closed.
 */
export const MAX_BUFFERED_BYTES = 1024 * 1024;
export const SLOW_CLIENT_GRACE_MS = 5000;
export const HARD_LIMIT_BYTES = 16 * MAX_BUFFERED_BYTES;
/**
 * How long a connection's events are held to leave in one write. Under load state messages arrive one per
 * event-loop turn, so holding for a turn only (as before) still made one syscall per event: at 10,000 events/s
 * that write was ~25 % of the hub's time (bench/fan-in.ts profile). A dashboard does not see 10 ms.
 */
export const EVENT_BATCH_MS = 10;
/** While state changes are held, how often to look whether the client has caught up. */
const CATCH_UP_CHECK_MS = 50;

type StateChange = HubEvents['deviceStateChanged'];
/** The JSON text of one `{event, payload, at}` message; `at` defaults to now. */
export type FrameOf = (event: keyof HubEvents, payload: unknown, at?: number) => string;

export interface EventConnectionDeps {
  frameOf: FrameOf;
  /** Hub time (the Clock), for the slow-client grace period and held events' timestamps. */
  now(): number;
  log: Logger;
}

export class EventConnection {
  private batchTimer: NodeJS.Timeout | undefined;
  private catchUpTimer: NodeJS.Timeout | undefined;
  private overSince: number | undefined;
  /**
   * While the client is behind: per device, its newest state, every attribute changed since its last sent
   * event, and when. Other events are not held, so a held state change can arrive after a later event.
   */
  private held: Map<string, { change: StateChange; at: number }> | undefined;

  constructor(
    private readonly socket: WebSocket,
    private readonly deps: EventConnectionDeps,
  ) {}

  push(event: keyof HubEvents, payload: unknown): void {
    if (!this.isOpen() || (!this.batchTimer && !this.openBatch())) return;
    if (this.held && event === 'deviceStateChanged') return this.hold(payload as StateChange);
    this.socket.send(this.deps.frameOf(event, payload));
  }

  /** On close: no timer left behind. */
  dispose(): void {
    clearTimeout(this.batchTimer);
    clearTimeout(this.catchUpTimer);
    this.held = undefined;
  }

  private isOpen(): boolean {
    return this.socket.readyState === this.socket.OPEN;
  }

  /** Starts a batch; false when the client has fallen behind for good and was closed. */
  private openBatch(): boolean {
    // Measured before corking: what earlier batches left unsent, not this batch's own burst.
    const backlog = this.socket.bufferedAmount;
    if (this.fallenBehind(backlog)) {
      this.deps.log.warn({ buffered: backlog, held: this.held?.size ?? 0 }, 'event stream client too slow; closing it');
      this.dispose();
      this.socket.close(1013, 'too slow: reconnect');
      return false;
    }
    // ws keeps the TCP socket in `_socket` (not in its types); without it the events go uncorked.
    const raw = (this.socket as unknown as { _socket?: Socket })._socket;
    raw?.cork();
    // A real timer, not the hub's Clock: this paces I/O, it is not hub time.
    this.batchTimer = setTimeout(() => {
      this.batchTimer = undefined;
      raw?.uncork();
      if (this.held) this.catchUpTimer ??= setTimeout(() => this.catchUp(), CATCH_UP_CHECK_MS);
    }, EVENT_BATCH_MS);
    if (backlog > MAX_BUFFERED_BYTES) this.held ??= new Map();
    else this.release();
    return true;
  }

  private fallenBehind(buffered: number): boolean {
    if (buffered <= MAX_BUFFERED_BYTES) {
      this.overSince = undefined;
      return false;
    }
    this.overSince ??= this.deps.now();
    return buffered > HARD_LIMIT_BYTES || this.deps.now() - this.overSince >= SLOW_CLIENT_GRACE_MS;
  }

  private hold(change: StateChange): void {
    const held = this.held!;
    const previous = held.get(change.deviceId);
    const merged = previous
      ? { deviceId: change.deviceId, state: change.state, changed: { ...previous.change.changed, ...change.changed } }
      : change;
    // Re-inserted, so devices leave in the order of their latest change.
    held.delete(change.deviceId);
    held.set(change.deviceId, { change: merged, at: this.deps.now() });
  }

  /** Sends the held state changes (inside the open batch). */
  private release(): void {
    const held = this.held;
    this.held = undefined;
    if (!held) return;
    for (const { change, at } of held.values()) this.socket.send(this.deps.frameOf('deviceStateChanged', change, at));
  }

  /** No new event came to open a batch: look again whether the client has room for what is held. */
  private catchUp(): void {
    this.catchUpTimer = undefined;
    if (!this.held || !this.isOpen() || this.batchTimer) return;
    this.openBatch();
  }
}
