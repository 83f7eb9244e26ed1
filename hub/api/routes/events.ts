import type { Socket } from 'node:net';
import type { WebSocket } from 'ws';
import { HUB_EVENT_NAMES, type HubEvents } from '../../core/events.js';
import type { ApiPlugin } from '../types.js';
import { parseInput } from '../validate.js';
import { eventsQuerySchema } from '../schemas.js';
import { HubError } from '../../sdk/errors.js';

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

const corked = new WeakSet<Socket>();

/**
 * Holds the connection's writes for EVENT_BATCH_MS, so the events of that window leave in one write.
 * ws keeps the TCP socket in `_socket` (not in its types); without it we simply send uncorked.
 * Returns false when the socket is already held (a batch is open). A real timer, not the hub's Clock:
 * this paces I/O, it is not hub time.
 */
function corkForBatch(socket: WebSocket): boolean {
  const raw = (socket as unknown as { _socket?: Socket })._socket;
  if (!raw) return true;
  if (corked.has(raw)) return false;
  corked.add(raw);
  raw.cork();
  setTimeout(() => {
    corked.delete(raw);
    raw.uncork();
  }, EVENT_BATCH_MS);
  return true;
}

/** Remembers since when a client's backlog has been over the limit; says whether it has fallen behind. */
function backlogWatch(now: () => number): (buffered: number) => boolean {
  let overSince: number | undefined;
  return (buffered) => {
    if (buffered <= MAX_BUFFERED_BYTES) {
      overSince = undefined;
      return false;
    }
    overSince ??= now();
    return buffered > HARD_LIMIT_BYTES || now() - overSince >= SLOW_CLIENT_GRACE_MS;
  };
}

const TEXT_FRAME = { binary: false } as const;

/**
 * The frame of the event being emitted, made once for every client (the bus hands each listener the same
 * payload object), with its timestamp string made once per millisecond. A Buffer, so ws does not encode the
 * string again for each client; it is still sent as a text frame.
 */
function eventFrames(now: () => number): (event: keyof HubEvents, payload: unknown) => Buffer {
  let lastEvent: keyof HubEvents | undefined;
  let lastPayload: unknown;
  let lastAt = NaN;
  let iso = '';
  let frame = Buffer.alloc(0);
  return (event, payload) => {
    const at = now();
    if (payload === lastPayload && event === lastEvent && at === lastAt) return frame;
    if (at !== lastAt) {
      lastAt = at;
      iso = new Date(at).toISOString();
    }
    lastEvent = event;
    lastPayload = payload;
    frame = Buffer.from(JSON.stringify({ event, payload, at: iso }));
    return frame;
  };
}

function selectedEvents(filter: string | undefined): (keyof HubEvents)[] {
  if (!filter) return HUB_EVENT_NAMES;
  const wanted = filter.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = wanted.filter((name) => !(HUB_EVENT_NAMES as string[]).includes(name));
  if (unknown.length > 0) {
    throw new HubError('VALIDATION_FAILED', `Unknown event name(s) ${unknown.join(', ')}; known: ${HUB_EVENT_NAMES.join(', ')}.`);
  }
  return wanted as (keyof HubEvents)[];
}

/** `GET /api/v1/events` (WebSocket): one `{event, payload, at}` JSON message per hub event. */
export const eventRoutes: ApiPlugin = async (app, { deps, routes }) => {
  routes.documentWebSocket('/events', 'Stream of every hub event as {event, payload, at}', eventsQuerySchema);
  const frameOf = eventFrames(() => deps.clock.now());
  app.get('/events', { websocket: true }, (socket: WebSocket, request) => {
    let names: (keyof HubEvents)[];
    try {
      names = selectedEvents(parseInput(eventsQuerySchema, request.query, 'query').events);
    } catch (err) {
      socket.close(1008, err instanceof HubError ? err.message.slice(0, 120) : 'bad request');
      return;
    }
    const fallenBehind = backlogWatch(() => deps.clock.now());
    const unsubscribers = names.map((event) =>
      deps.events.on(event, (payload) => {
        if (socket.readyState !== socket.OPEN) return;
        // Measured before corking: what earlier batches left unsent, not this batch's own burst.
        const backlog = socket.bufferedAmount;
        if (corkForBatch(socket) && fallenBehind(backlog)) {
          deps.log.warn({ event, buffered: backlog }, 'event stream client too slow; closing it');
          socket.close(1013, 'too slow: reconnect');
          return;
        }
        socket.send(frameOf(event, payload), TEXT_FRAME);
      }),
    );
    const cleanup = () => unsubscribers.forEach((off) => off());
    socket.on('close', cleanup);
    socket.on('error', cleanup);
  });
};
