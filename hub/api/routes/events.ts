import type { WebSocket } from 'ws';
import { HUB_EVENT_NAMES, type HubEvents } from '../../core/events.js';
import type { RouteAccess } from '../route-access.js';
import { defineRoutes } from '../route-group.js';
import { parseInput } from '../validate.js';
import { eventsQuerySchema } from '../schemas.js';
import { HubError } from '../../sdk/errors.js';
import { EventConnection, type FrameOf } from './events-connection.js';

export { EVENT_BATCH_MS, MAX_BUFFERED_BYTES, SLOW_CLIENT_GRACE_MS } from './events-connection.js';

/**
 * The frame of the event being emitted, made once for every client (the bus hands each listener the same
 * payload object), with its timestamp string made once per millisecond.
 */
function eventFrames(now: () => number): FrameOf {
  let lastEvent: keyof HubEvents | undefined;
  let lastPayload: unknown;
  let isoAt = NaN;
  let iso = '';
  let frame = '';
  return (event, payload, at = now()) => {
    if (payload === lastPayload && event === lastEvent && at === isoAt) return frame;
    if (at !== isoAt) {
      isoAt = at;
      iso = new Date(at).toISOString();
    }
    lastEvent = event;
    lastPayload = payload;
    frame = JSON.stringify({ event, payload, at: iso });
    return frame;
  };
}

function selectedEvents(filter: string | undefined): (keyof HubEvents)[] {
  if (!filter) return HUB_EVENT_NAMES;
  const wanted = filter
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = wanted.filter((name) => !(HUB_EVENT_NAMES as string[]).includes(name));
  if (unknown.length > 0) {
    throw new HubError(
      'VALIDATION_FAILED',
      `Unknown event name(s) ${unknown.join(', ')}; known: ${HUB_EVENT_NAMES.join(', ')}.`,
    );
  }
  return wanted as (keyof HubEvents)[];
}

/** `GET /api/v1/events` (WebSocket): one `{event, payload, at}` JSON message per hub event. */
export const eventRoutes = defineRoutes({
  name: 'events',
  needs: ['events', 'clock', 'log'],
  plugin: async (app, { deps, routes }) => {
    routes.documentWebSocket('/events', 'Stream of every hub event as {event, payload, at}', eventsQuerySchema);
    const frameOf = eventFrames(() => deps.clock.now());
    app.get(
      '/events',
      { websocket: true, config: { queryToken: true } satisfies RouteAccess },
      (socket: WebSocket, request) => {
        let names: (keyof HubEvents)[];
        try {
          names = selectedEvents(parseInput(eventsQuerySchema, request.query, 'query').events);
        } catch (err) {
          socket.close(1008, err instanceof HubError ? err.message.slice(0, 120) : 'bad request');
          return;
        }
        const connection = new EventConnection(socket, { frameOf, now: () => deps.clock.now(), log: deps.log });
        const unsubscribers = names.map((event) => deps.events.on(event, (payload) => connection.push(event, payload)));
        const cleanup = () => {
          unsubscribers.forEach((off) => off());
          connection.dispose();
        };
        socket.on('close', cleanup);
        socket.on('error', cleanup);
      },
    );
  },
});
