/** GET /devices/:id/history?since=: the device's numeric and on/off readings kept by the hub (hub/devices/history.ts). */
import { z } from 'zod';
import { idParamsSchema } from '../schemas.js';
import { defineRoutes } from '../route-group.js';

const historyQuery = z.strictObject({
  since: z
    .union([z.coerce.number().int().min(0), z.iso.datetime({ offset: true }).transform((s) => Date.parse(s))], {
      error: 'use milliseconds since 1970 or an ISO 8601 time such as 2026-01-31T08:00:00Z',
    })
    .optional(),
});
const point = z.object({ at: z.number(), value: z.number() });
const historyReply = z.object({
  deviceId: z.string(),
  since: z.number(),
  maxReadings: z.number(),
  attributes: z.record(z.string(), z.array(point)),
});

export const deviceHistoryRoutes = defineRoutes({
  name: 'device history',
  needs: ['history', 'devices'],
  plugin: async (app, { deps, routes }) => {
    const { history } = deps;
    routes.add(
      app,
      {
        method: 'GET',
        url: '/devices/:id/history',
        tag: 'devices',
        summary:
          'Numeric and on/off state readings of a device, oldest first, by attribute (the newest readings per device are kept)',
        params: idParamsSchema,
        query: historyQuery,
        responses: { 200: historyReply },
        errors: ['DEVICE_NOT_FOUND'],
      },
      async (request) => {
        const { id } = request.params;
        const { since = 0 } = request.query;
        deps.devices.require(id);
        return { deviceId: id, since, maxReadings: history.maxRowsPerDevice, attributes: history.query(id, since) };
      },
    );
  },
});
