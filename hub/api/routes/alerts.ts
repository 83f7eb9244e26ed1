/** Alarms and reminders, what is ringing, timers, satellites and announcements (hub/alerts). */
import { z } from 'zod';
import { alarmChangeSchema, alarmInputSchema, ringFilterSchema } from '../../alerts/schemas.js';
import { HubError } from '../../sdk/errors.js';
import { alarm, ringing, satellite, timer } from '../openapi/alerts.js';
import { actingUser } from '../principal.js';
import { defineRoutes } from '../route-group.js';

const idParams = z.object({ id: z.string().min(1).max(200) });
const listQuery = z.strictObject({
  kind: z.enum(['alarm', 'reminder']).optional(),
  user: z.string().min(1).max(100).optional(),
});
const snoozeBody = z.strictObject({
  area: z.string().min(1).max(100).optional(),
  satellite: z.string().min(1).max(100).optional(),
  minutes: z.number().int().min(1).max(60).optional(),
});
const announceBody = z.strictObject({
  message: z.string().trim().min(1).max(1000),
  area: z.string().min(1).max(100).optional(),
});

export const alertRoutes = defineRoutes({
  name: 'alerts',
  needs: ['alerts', 'timers'],
  plugin: async (app, { deps: { alerts, timers }, routes }) => {
    routes.add(
      app,
      {
        method: 'GET',
        url: '/alarms',
        tag: 'alarms',
        summary: "Alarms and reminders, soonest first (with user: theirs and the household's)",
        query: listQuery,
        responses: { 200: alarm.array() },
      },
      async (request) => {
        const query = request.query;
        const user = actingUser(request, query.user, 'user');
        return alerts.listAlarms({ ...(query.kind ? { kind: query.kind } : {}), ...(user ? { user } : {}) });
      },
    );
    routes.add(
      app,
      {
        method: 'POST',
        url: '/alarms',
        tag: 'alarms',
        summary:
          'Set an alarm or reminder: {at} once (epoch ms), or {time: {hour, minute}, days?} (days repeat it, 0 = Sunday); label, message, area',
        body: alarmInputSchema,
        responses: { 201: alarm },
        errors: ['CONFLICT'],
      },
      async (request, reply) => {
        const input = request.body;
        const user = actingUser(request, input.user, 'user');
        return reply.status(201).send(alerts.setAlarm({ ...input, ...(user ? { user } : {}) }));
      },
    );
    routes.add(
      app,
      {
        method: 'GET',
        url: '/alarms/:id',
        tag: 'alarms',
        summary: 'One alarm or reminder',
        params: idParams,
        responses: { 200: alarm },
        errors: ['NOT_FOUND'],
      },
      async (request) => {
        const { id } = request.params;
        const found = alerts.getAlarm(id);
        if (!found) throw new HubError('NOT_FOUND', `no alarm "${id}": list them with GET /api/v1/alarms`);
        return found;
      },
    );
    routes.add(
      app,
      {
        method: 'PATCH',
        url: '/alarms/:id',
        tag: 'alarms',
        summary: 'Change an alarm: time, days, at, label, message, area, enabled (null clears a field), skipNext',
        params: idParams,
        body: alarmChangeSchema,
        responses: { 200: alarm },
        errors: ['NOT_FOUND'],
      },
      async (request) => {
        const { id } = request.params;
        return alerts.updateAlarm(id, request.body);
      },
    );
    routes.add(
      app,
      {
        method: 'DELETE',
        url: '/alarms/:id',
        tag: 'alarms',
        summary: 'Delete an alarm or reminder (it stops ringing)',
        params: idParams,
        responses: { 204: null },
        errors: ['NOT_FOUND'],
      },
      async (request, reply) => {
        alerts.removeAlarm(request.params.id);
        return reply.status(204).send();
      },
    );

    routes.add(
      app,
      {
        method: 'GET',
        url: '/ringing',
        tag: 'alarms',
        summary: 'What rings now: alarms, reminders, finished timers',
        responses: { 200: ringing.array() },
      },
      async () => alerts.ringing(),
    );
    routes.add(
      app,
      {
        method: 'POST',
        url: '/ringing/stop',
        tag: 'alarms',
        summary:
          'Stop what rings in an area or on a satellite (everything when the body is empty), and what the satellites there play',
        body: ringFilterSchema,
        bodyOptional: true,
        responses: { 200: z.object({ stopped: ringing.array() }) },
      },
      async (request) => ({ stopped: await alerts.silence(request.body) }),
    );
    routes.add(
      app,
      {
        method: 'POST',
        url: '/ringing/snooze',
        tag: 'alarms',
        summary: 'Snooze the alarms and reminders ringing there (alerts.snoozeMs, or minutes)',
        body: snoozeBody,
        bodyOptional: true,
        responses: { 200: z.object({ snoozed: alarm.array() }) },
      },
      async (request) => {
        const { minutes, ...where } = request.body;
        return { snoozed: alerts.snooze(where, minutes !== undefined ? minutes * 60_000 : undefined) };
      },
    );

    routes.add(
      app,
      {
        method: 'GET',
        url: '/timers',
        tag: 'alarms',
        summary: 'Running and paused timers with the time left',
        responses: { 200: timer.array() },
      },
      async () => timers.listAll(),
    );
    routes.add(
      app,
      {
        method: 'DELETE',
        url: '/timers/:id',
        tag: 'alarms',
        summary: 'Cancel a timer (it stops ringing)',
        params: idParams,
        responses: { 204: null },
        errors: ['NOT_FOUND'],
      },
      async (request, reply) => {
        timers.cancelAny(request.params.id);
        return reply.status(204).send();
      },
    );

    routes.add(
      app,
      {
        method: 'GET',
        url: '/satellites',
        tag: 'alarms',
        summary: 'Satellites online now, with their areas',
        responses: { 200: satellite.array() },
      },
      async () => alerts.satellites(),
    );
    routes.add(
      app,
      {
        method: 'POST',
        url: '/announcements',
        tag: 'alarms',
        summary: 'Speak a message on every satellite, or those of an area (HassBroadcast)',
        body: announceBody,
        responses: { 200: z.object({ satellites: z.array(z.string()) }) },
        errors: ['NOT_FOUND'],
      },
      async (request) => {
        const body = request.body;
        const from = actingUser(request, undefined, 'user') ?? 'api';
        return {
          satellites: await alerts.announce({ message: body.message, ...(body.area ? { area: body.area } : {}), from }),
        };
      },
    );
  },
});
