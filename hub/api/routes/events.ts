import type { Socket } from 'node:net';
import type { WebSocket } from 'ws';
import { HUB_EVENT_NAMES, type HubEvents } from '../../core/events.js';
import type { ApiPlugin } from '../types.js';
import { parseInput } from '../validate.js';
import { eventsQuerySchema } from '../schemas.js';
import { HubError } from '../../sdk/errors.js';

/** A slow client must not make the hub buffer without bound: past this many bytes queued, we drop it. */
const MAX_BUFFERED_BYTES = 1024 * 1024;

const corked = new WeakSet<Socket>();

/**
 * Holds the connection's writes until the end of this event-loop turn, so a burst of events (hundreds of
 * state messages in one turn under load) leaves in one write instead of one syscall per event.
 * ws keeps the TCP socket in `_socket` (not in its types); without it we simply send uncorked.
 */
function corkForTurn(socket: WebSocket): void {
  const raw = (socket as unknown as { _socket?: Socket })._socket;
  if (!raw || corked.has(raw)) return;
  corked.add(raw);
  raw.cork();
  setImmediate(() => {
    corked.delete(raw);
    raw.uncork();
  });
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
    const unsubscribers = names.map((event) =>
      deps.events.on(event, (payload) => {
        if (socket.readyState !== socket.OPEN) return;
        if (socket.bufferedAmount > MAX_BUFFERED_BYTES) {
          deps.log.warn({ event }, 'event stream client too slow; closing it');
          socket.close(1013, 'too slow: reconnect');
          return;
        }
        corkForTurn(socket);
        socket.send(JSON.stringify({ event, payload, at: new Date(deps.clock.now()).toISOString() }));
      }),
    );
    const cleanup = () => unsubscribers.forEach((off) => off());
    socket.on('close', cleanup);
    socket.on('error', cleanup);
  });
};
