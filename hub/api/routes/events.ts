import type { Socket } from 'node:net';
import type { WebSocket } from 'ws';
import { HUB_EVENT_NAMES, type HubEvents } from '../../core/events.js';
import type { ApiPlugin } from '../types.js';
import { parseInput } from '../validate.js';
import { eventsQuerySchema } from '../schemas.js';
import { HubError } from '../../sdk/errors.js';

/**
 * A slow client must not make the hub buffer without bound. The backlog is judged at the start of a turn,
 * before this turn's events are queued behind the cork: a burst larger than the limit is normal for a client
 * that keeps up, it leaves when the turn ends. A client whose backlog stays over the limit for
 * SLOW_CLIENT_GRACE_MS, or grows past HARD_LIMIT_BYTES (memory bound), has fallen behind and is closed.
 */
export const MAX_BUFFERED_BYTES = 1024 * 1024;
export const SLOW_CLIENT_GRACE_MS = 5000;
export const HARD_LIMIT_BYTES = 16 * MAX_BUFFERED_BYTES;

const corked = new WeakSet<Socket>();

/**
 * Holds the connection's writes until the end of this event-loop turn, so a burst of events (hundreds of
 * state messages in one turn under load) leaves in one write instead of one syscall per event.
 * ws keeps the TCP socket in `_socket` (not in its types); without it we simply send uncorked.
 * Returns false when the socket is already held for this turn.
 */
function corkForTurn(socket: WebSocket): boolean {
  const raw = (socket as unknown as { _socket?: Socket })._socket;
  if (!raw) return true;
  if (corked.has(raw)) return false;
  corked.add(raw);
  raw.cork();
  setImmediate(() => {
    corked.delete(raw);
    raw.uncork();
  });
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
        // Measured before corking: what earlier turns left unsent, not this turn's own burst.
        const backlog = socket.bufferedAmount;
        if (corkForTurn(socket) && fallenBehind(backlog)) {
          deps.log.warn({ event, buffered: backlog }, 'event stream client too slow; closing it');
          socket.close(1013, 'too slow: reconnect');
          return;
        }
        socket.send(JSON.stringify({ event, payload, at: new Date(deps.clock.now()).toISOString() }));
      }),
    );
    const cleanup = () => unsubscribers.forEach((off) => off());
    socket.on('close', cleanup);
    socket.on('error', cleanup);
  });
};
